#include "ioc/domain_rules.hpp"

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <idn2.h>
#include <libpsl.h>

#include "ioc/file_extensions.hpp"

namespace casefile::ioc::detail {

namespace {

constexpr size_t kMaxName = 253;
constexpr size_t kMaxLabel = 63;

bool is_ldh(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/// Every label 1..63 letters/digits/hyphens, no hyphen at either end, and an alphabetic or
/// punycode TLD.
bool ldh_labels_ok(std::string_view name) {
    if (name.empty() || name.size() > kMaxName) {
        return false;
    }
    size_t start = 0;
    size_t labels = 0;
    while (start <= name.size()) {
        size_t dot = name.find('.', start);
        if (dot == std::string_view::npos) {
            dot = name.size();
        }
        const std::string_view label = name.substr(start, dot - start);
        if (label.empty() || label.size() > kMaxLabel || label.front() == '-' ||
            label.back() == '-') {
            return false;
        }
        for (char c : label) {
            if (!is_ldh(c)) {
                return false;
            }
        }
        ++labels;
        if (dot == name.size()) {
            const bool punycode = label.size() > 4 && label.substr(0, 4) == "xn--";
            if (!punycode) {
                for (char c : label) {
                    if (c < 'a' || c > 'z') {
                        return false;
                    }
                }
            }
            break;
        }
        start = dot + 1;
    }
    return labels >= 2;
}

struct FreeDeleter {
    void operator()(char* p) const { std::free(p); } // NOLINT(cppcoreguidelines-no-malloc)
};
using CString = std::unique_ptr<char, FreeDeleter>;

} // namespace

struct DomainRules::Handle {
    psl_ctx_t* owned = nullptr;
    const psl_ctx_t* ctx = nullptr;
    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
        if (owned != nullptr) {
            psl_free(owned);
        }
    }
};

Result<DomainRules> DomainRules::create(const std::string& psl_file) {
    auto handle = std::make_shared<Handle>();
    if (psl_file.empty()) {
        handle->owned = psl_latest(nullptr);
        handle->ctx = handle->owned != nullptr ? handle->owned : psl_builtin();
        if (handle->ctx == nullptr) {
            return fail(ErrorCode::io, "no Public Suffix List available",
                        "install the 'publicsuffix' package, or pass a list with --psl FILE");
        }
    } else {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(psl_file, ec)) {
            return fail(ErrorCode::not_found, "Public Suffix List '" + psl_file + "' not found",
                        "download public_suffix_list.dat from https://publicsuffix.org/list/ "
                        "and pass its path");
        }
        handle->owned = psl_load_file(psl_file.c_str());
        if (handle->owned == nullptr || psl_suffix_count(handle->owned) == 0) {
            return fail(ErrorCode::bad_input, "'" + psl_file + "' is not a Public Suffix List",
                        "expected the public_suffix_list.dat format (one rule per line)");
        }
        handle->ctx = handle->owned;
    }
    return DomainRules(std::move(handle));
}

bool DomainRules::is_known_tld(std::string_view label) const {
    std::array<char, kMaxLabel + 1> buf{};
    if (label.empty() || label.size() > kMaxLabel) {
        return false;
    }
    label.copy(buf.data(), label.size());
    buf[label.size()] = '\0';
    return psl_is_public_suffix2(handle_->ctx, buf.data(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) !=
           0;
}

DomainVerdict DomainRules::check_uncached(std::string_view lower_name) const {
    DomainVerdict verdict;
    std::string ascii(lower_name);
    bool idn = false;
    for (char c : lower_name) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            idn = true;
            break;
        }
    }
    if (idn) {
        char* out = nullptr;
        if (idn2_to_ascii_8z(ascii.c_str(), &out, IDN2_NONTRANSITIONAL) != IDN2_OK) {
            std::free(out); // NOLINT(cppcoreguidelines-no-malloc)
            return verdict;
        }
        CString holder(out);
        ascii = holder.get();
    }
    if (!ldh_labels_ok(ascii)) {
        return verdict;
    }
    if (!idn && ascii.find("xn--") != std::string::npos) {
        // An A-label must decode and encode back to itself under IDNA2008 rules.
        char* out = nullptr;
        const int rc = idn2_to_unicode_8z8z(ascii.c_str(), &out, 0);
        CString unicode(out);
        if (rc != IDN2_OK || unicode == nullptr) {
            return verdict;
        }
        char* back = nullptr;
        const int rc2 = idn2_to_ascii_8z(unicode.get(), &back, IDN2_NONTRANSITIONAL);
        CString again(back);
        if (rc2 != IDN2_OK || again == nullptr || ascii != again.get()) {
            return verdict;
        }
    }
    const size_t last_dot = ascii.rfind('.');
    const std::string_view tld = std::string_view(ascii).substr(last_dot + 1);
    if (!is_known_tld(tld)) {
        return verdict;
    }
    // "co.uk" or "com.br" are suffixes, not domains; private-section suffixes such as
    // "github.io" stay reportable, they are real hosts.
    if (psl_is_public_suffix2(handle_->ctx, ascii.c_str(),
                              PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0) {
        return verdict;
    }
    verdict.valid = true;
    verdict.ambiguous = is_ambiguous_tld(tld);
    if (idn) {
        char* out = nullptr;
        const int rc = idn2_to_unicode_8z8z(ascii.c_str(), &out, 0);
        CString holder(out);
        if (rc != IDN2_OK) {
            verdict.valid = false;
            return verdict;
        }
        verdict.canonical = holder.get();
    } else {
        verdict.canonical = std::move(ascii);
    }
    return verdict;
}

namespace {

constexpr uint8_t kValid = 1;
constexpr uint8_t kAmbiguous = 2;

uint64_t name_hash(std::string_view s) {
    uint64_t h = 1469598103934665603ULL;
    for (char c : s) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

} // namespace

bool DomainRules::check_into(std::string_view name, DomainCache* cache, std::string& canonical,
                             bool& ambiguous) const {
    if (name.empty() || name.size() > kMaxName * 4) {
        return false;
    }
    std::array<char, kMaxName * 4>
        buf; // NOLINT(cppcoreguidelines-pro-type-member-init): filled below
    bool ascii = true;
    for (size_t k = 0; k < name.size(); ++k) {
        char c = name[k];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        buf[k] = c;
    }
    const std::string_view key(buf.data(), name.size());
    const bool cacheable = cache != nullptr && ascii && key.size() <= DomainCache::kMaxKey;
    const uint64_t hash = cacheable ? name_hash(key) : 0;
    if (cacheable) {
        const int flags = cache->find(key, hash);
        if (flags >= 0) {
            if ((flags & kValid) == 0) {
                return false;
            }
            ambiguous = (flags & kAmbiguous) != 0;
            canonical.assign(key);
            return true;
        }
    }
    DomainVerdict verdict = check_uncached(key);
    if (cacheable) {
        cache->insert(key, hash,
                      static_cast<uint8_t>((verdict.valid ? kValid : 0) |
                                           (verdict.ambiguous ? kAmbiguous : 0)));
    }
    if (!verdict.valid) {
        return false;
    }
    ambiguous = verdict.ambiguous;
    canonical = std::move(verdict.canonical);
    return true;
}

DomainVerdict DomainRules::check(std::string_view name, DomainCache* cache) const {
    DomainVerdict verdict;
    verdict.valid = check_into(name, cache, verdict.canonical, verdict.ambiguous);
    return verdict;
}

int DomainCache::find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) {
        return -1;
    }
    const Slot& s = slots_[hash & (slots_.size() - 1)];
    if (s.hash == hash && s.len == key.size() &&
        std::memcmp(s.key.data(), key.data(), key.size()) == 0) {
        return s.flags;
    }
    return -1;
}

void DomainCache::insert(std::string_view key, uint64_t hash, uint8_t flags) {
    if (slots_.empty() || (++inserts_ > 2 * slots_.size() && slots_.size() < kMaxSlots)) {
        // Growing drops what is cached: it is only a memo.
        slots_.assign(slots_.empty() ? kFirstSlots : slots_.size() * 4, Slot{});
        inserts_ = 0;
    }
    Slot& s = slots_[hash & (slots_.size() - 1)];
    s.hash = hash;
    s.len = static_cast<uint8_t>(key.size());
    s.flags = flags;
    std::memcpy(s.key.data(), key.data(), key.size());
}

} // namespace casefile::ioc::detail
