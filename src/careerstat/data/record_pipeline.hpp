// Reads an export's records on a second thread while the caller's consumers work on the
// previous batch: the splitting and the tabulation of a million rows then overlap on the
// two cores instead of adding up (bench/freq.sh).
#pragma once

#include <functional>
#include <span>
#include <string_view>

namespace careerstat::io {
class RecordReader;
}

namespace careerstat::data {

using RecordConsumer = std::function<void(std::span<const std::string_view> fields, long line)>;

// Calls `consume` for every record of `reader`, in order, on the calling thread. A record
// whose field count differs from the header's is a DataError naming file and line; errors
// from the reader (on the reading thread) and from `consume` reach the caller as thrown.
void for_each_record(io::RecordReader& reader, const RecordConsumer& consume);

} // namespace careerstat::data
