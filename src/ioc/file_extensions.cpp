#include "ioc/file_extensions.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace casefile::ioc::detail {

namespace {

// Words of up to eight bytes packed into one integer: membership is a binary search over
// integers, with no string comparisons.
constexpr size_t kMaxPacked = 8;

constexpr uint64_t pack(std::string_view word) {
    uint64_t v = 0;
    for (size_t k = 0; k < word.size(); ++k) {
        v |= uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
    }
    return v;
}

template <size_t N>
constexpr std::array<uint64_t, N> packed_set(const std::array<std::string_view, N>& words) {
    std::array<uint64_t, N> out{};
    for (size_t k = 0; k < N; ++k) {
        out[k] = pack(words[k]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

template <size_t N>
bool in_packed_icase(std::string_view word, const std::array<uint64_t, N>& set) {
    if (word.empty() || word.size() > kMaxPacked) {
        return false;
    }
    uint64_t key = 0;
    for (size_t k = 0; k < word.size(); ++k) {
        const char c = word[k];
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        key |= uint64_t{static_cast<unsigned char>(lower)} << (8 * k);
    }
    return std::binary_search(set.begin(), set.end(), key);
}

// Executables and libraries, scripts, Office and PDF documents, archives and disk
// images, shortcuts: what droppers, phishing and persistence leave behind.
constexpr auto kFileExtensions = std::to_array<std::string_view>(
    {"7z",   "ace",  "apk",  "app",  "appx", "arj",   "asp",  "aspx", "bash", "bat",    "bin",
     "bz2",  "cab",  "chm",  "cmd",  "cpl",  "crx",   "dat",  "deb",  "dll",  "dmg",    "doc",
     "docm", "docx", "dot",  "dotm", "drv",  "dylib", "elf",  "eml",  "exe",  "gadget", "gz",
     "hta",  "htm",  "html", "img",  "inf",  "ipa",   "iso",  "jar",  "js",   "jse",    "jsp",
     "ko",   "lnk",  "lzh",  "mobi", "mov",  "msg",   "msi",  "msix", "msp",  "ocx",    "odt",
     "one",  "pdf",  "php",  "pif",  "pkg",  "pl",    "pm",   "pot",  "ppam", "pps",    "ppsm",
     "ppt",  "pptm", "pptx", "ps",   "ps1",  "psd1",  "psm1", "py",   "pyc",  "pyw",    "rar",
     "rb",   "reg",  "rpm",  "rtf",  "run",  "scf",   "scr",  "sh",   "so",   "sys",    "tar",
     "tgz",  "tmp",  "txt",  "url",  "vbe",  "vbs",   "vhd",  "vhdx", "war",  "ws",     "wsf",
     "wsh",  "xla",  "xlam", "xll",  "xls",  "xlsb",  "xlsm", "xlsx", "xz",   "zip"});

// Delegated TLDs that are also common file extensions.
constexpr auto kAmbiguousTlds = std::to_array<std::string_view>(
    {"ai", "app", "cab", "cc", "download", "md", "mobi", "mov", "one", "pl",
     "pm", "ps",  "py",  "rs", "run",      "sh", "so",   "top", "ws",  "zip"});

} // namespace

bool is_file_extension(std::string_view ext) {
    static constexpr auto kPacked = packed_set(kFileExtensions);
    return in_packed_icase(ext, kPacked);
}

bool is_ambiguous_tld(std::string_view tld) {
    static constexpr auto kPacked = packed_set(kAmbiguousTlds);
    return in_packed_icase(tld, kPacked);
}

} // namespace casefile::ioc::detail
