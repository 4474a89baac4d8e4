// A small RFC 4180 CSV reader for the reference tables (UTF-8, header row, quoted fields).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace anbang {

using CsvRecord = std::map<std::string, std::string>;  // header name → field

// Parses `text`; the first line names the columns. Blank lines are skipped.
std::vector<CsvRecord> parse_csv(std::string_view text);

}  // namespace anbang
