#include "careerstat/data/record_pipeline.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <cstdint>
#include <deque>
#include <exception>
#include <fmt/format.h>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace careerstat::data {

namespace {

// Records copied out of the reader's buffer: their bytes back to back, and per record its
// line and where its fields are.
struct Batch {
    std::vector<char> bytes;              // grown by doubling; `used` bytes are records
    std::size_t used = 0;
    std::vector<std::uint32_t> field_end; // end offset of each field in `bytes`
    std::vector<std::uint32_t> record_end; // end index into field_end of each record
    std::vector<long> lines;
    bool last = false;

    void append(std::span<const std::string_view> fields) {
        std::size_t need = 0;
        for (std::string_view f : fields) {
            need += f.size();
        }
        if (used + need > bytes.size()) {
            bytes.resize(std::max(bytes.size() * 2, used + need)); // no per-field growth
        }
        char* out = bytes.data() + used;
        for (std::string_view f : fields) {
            if (!f.empty()) { // an empty view may have no data pointer at all
                std::memcpy(out, f.data(), f.size());
            }
            out += f.size();
            field_end.push_back(static_cast<std::uint32_t>(out - bytes.data()));
        }
        used += need;
    }
};

constexpr std::size_t k_batch_records = 2048;
constexpr std::size_t k_queue = 3;

class Queue {
  public:
    // Blocks while full; false when the consumer has stopped.
    bool push(Batch b) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < k_queue || m_stopped; });
        if (m_stopped) {
            return false;
        }
        m_items.push_back(std::move(b));
        m_not_empty.notify_one();
        return true;
    }
    Batch pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty(); });
        Batch b = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return b;
    }
    void stop() {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_not_full.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_not_full;
    std::condition_variable m_not_empty;
    std::deque<Batch> m_items;
    bool m_stopped = false;
};

} // namespace

void for_each_record(io::RecordReader& reader, const RecordConsumer& consume) {
    const std::size_t width = reader.header().size();
    if (reader.dictionary()) {
        // A .sav or .dta source parses on its own thread already: a second thread and a
        // second copy of each record would only add to it. (A workbook's XML is parsed on
        // the reading thread below, as a CSV file's bytes are split.)
        while (reader.next()) {
            reader.require_header_width();
            consume(reader.fields(), reader.line());
        }
        return;
    }
    Queue queue;
    std::exception_ptr reader_error;
    std::thread producer([&] {
        try {
            Batch b;
            b.bytes.resize(std::size_t{1} << 19);
            b.field_end.reserve(k_batch_records * width);
            for (;;) {
                const bool more = reader.next();
                if (more) {
                    reader.require_header_width();
                    const auto fields = reader.fields();
                    b.append(fields);
                    b.record_end.push_back(static_cast<std::uint32_t>(b.field_end.size()));
                    b.lines.push_back(reader.line());
                }
                if (!more || b.lines.size() == k_batch_records) {
                    b.last = !more;
                    if (!queue.push(std::move(b)) || !more) {
                        return;
                    }
                    b = Batch{};
                    b.bytes.resize(std::size_t{1} << 19);
                    b.field_end.reserve(k_batch_records * width);
                }
            }
        } catch (...) {
            reader_error = std::current_exception();
            Batch end;
            end.last = true;
            queue.push(std::move(end));
        }
    });
    // Whatever happens below, the producer must be released and joined.
    struct Join {
        Queue& q;
        std::thread& t;
        ~Join() {
            q.stop();
            t.join();
        }
    } join{queue, producer};

    std::vector<std::string_view> fields(width);
    for (;;) {
        Batch b = queue.pop();
        std::size_t f = 0;
        std::uint32_t start = 0;
        for (std::size_t r = 0; r < b.lines.size(); ++r) {
            for (std::size_t k = 0; f < b.record_end[r]; ++f, ++k) {
                fields[k] = std::string_view(b.bytes.data() + start, b.field_end[f] - start);
                start = b.field_end[f];
            }
            consume(fields, b.lines[r]);
        }
        if (b.last) {
            break;
        }
    }
    if (reader_error) {
        std::rethrow_exception(reader_error);
    }
}

} // namespace careerstat::data
