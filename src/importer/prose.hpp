// Internal to the importer: text clean-up for values taken from prose.
#pragma once

#include <string>
#include <string_view>

#include "ioc/extractor.hpp"

namespace casefile::importer {

/// Refangs every defanged indicator in `text` ("cdn-dropbox[.]io" -> "cdn-dropbox.io",
/// "hxxps[:]//x[.]com/a" -> "https://x.com/a") and leaves every other byte as written; unlike
/// ioc::refang_text it adds no scheme the writer did not write.
[[nodiscard]] std::string refang_spans(std::string_view text, const ioc::Extractor& extractor);

/// Removes one pair of surrounding quotes (", ', “ ”, ‘ ’, « »).
[[nodiscard]] std::string strip_quotes(std::string_view text);

} // namespace casefile::importer
