#pragma once

#include <string_view>

namespace casefile::ioc::detail {

/// Extensions of executables, scripts, documents and archives: a name ending in one of them is
/// reported as a file name ("update.exe", "finance_report_update.ps1").
[[nodiscard]] bool is_file_extension(std::string_view ext);

/// Extensions that are also top-level domains (.zip, .mov, .top, .sh, .py ...): a bare
/// "abc.zip" is a file name unless its context says domain.
[[nodiscard]] bool is_ambiguous_tld(std::string_view tld);

} // namespace casefile::ioc::detail
