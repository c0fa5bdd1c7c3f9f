#include "ioc/file_extensions.hpp"

#include <algorithm>
#include <array>

namespace casefile::ioc::detail {

namespace {

bool in_sorted_icase(std::string_view word, const auto& sorted_lower) {
    if (word.empty() || word.size() > 8) {
        return false;
    }
    std::array<char, 8> buf{};
    for (size_t k = 0; k < word.size(); ++k) {
        const char c = word[k];
        buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view key(buf.data(), word.size());
    return std::binary_search(sorted_lower.begin(), sorted_lower.end(), key);
}

// Sorted. Executables and libraries, scripts, Office and PDF documents, archives and disk
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

// Sorted. Delegated TLDs that are also common file extensions.
constexpr auto kAmbiguousTlds = std::to_array<std::string_view>(
    {"ai", "app", "cab", "cc", "download", "md", "mobi", "mov", "one", "pl",
     "pm", "ps",  "py",  "rs", "run",      "sh", "so",   "top", "ws",  "zip"});

} // namespace

bool is_file_extension(std::string_view ext) {
    return in_sorted_icase(ext, kFileExtensions);
}

bool is_ambiguous_tld(std::string_view tld) {
    return in_sorted_icase(tld, kAmbiguousTlds);
}

} // namespace casefile::ioc::detail
