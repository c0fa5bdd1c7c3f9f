#include "ioc/extractor.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "ioc/extractor_impl.hpp"
#include "ioc/indicator_set.hpp"
#include "ioc/ip_address.hpp"
#include "ioc/ip_class.hpp"
#include "ioc/normalize.hpp"
#include "ioc/scanner.hpp"
#include "ioc/warninglist.hpp"

namespace casefile::ioc {

using model::IndicatorType;

detail::ScanSettings detail::settings_for(const ExtractOptions& options) {
    detail::ScanSettings s;
    if (!options.types.empty()) {
        s.types = 0;
        for (IndicatorType t : options.types) {
            s.types |= detail::type_bit(t);
        }
    }
    s.include_private = options.include_private;
    s.hosts = options.domains_from_urls_and_emails;
    return s;
}

std::optional<IpClass> detail::ip_class_of(IndicatorType type, std::string_view canonical) {
    if (type != IndicatorType::ipv4 && type != IndicatorType::ipv6) {
        return std::nullopt; // most values: no need to look for a prefix length
    }
    const std::string_view address = canonical.substr(0, canonical.find('/'));
    if (type == IndicatorType::ipv4) {
        if (auto v4 = parse_ipv4(address)) {
            return classify_ipv4(*v4);
        }
    } else if (type == IndicatorType::ipv6) {
        if (auto v6 = parse_ipv6(address)) {
            return classify_ipv6(*v6);
        }
    }
    return std::nullopt;
}

namespace {

std::string_view example_for(IndicatorType type) {
    switch (type) {
    case IndicatorType::ipv4:
        return "203.0.113.10 or 198.51.100.0/24";
    case IndicatorType::ipv6:
        return "2001:db8::1";
    case IndicatorType::domain:
        return "evil.example.com (a name under a public suffix)";
    case IndicatorType::url:
        return "https://evil.example.com/path";
    case IndicatorType::email:
        return "user@example.com";
    case IndicatorType::md5:
    case IndicatorType::imphash:
    case IndicatorType::ja3:
        return "32 hexadecimal digits";
    case IndicatorType::sha1:
        return "40 hexadecimal digits";
    case IndicatorType::sha256:
        return "64 hexadecimal digits";
    case IndicatorType::sha512:
        return "128 hexadecimal digits";
    case IndicatorType::ssdeep:
        return "blocksize:hash:hash, e.g. 96:ukILJhn54Rew:uk0Jx54u";
    case IndicatorType::cve:
        return "CVE-2024-3400";
    case IndicatorType::attack_technique:
        return "T1059 or T1059.001";
    case IndicatorType::attack_tactic:
        return "TA0011";
    case IndicatorType::attack_mitigation:
        return "M1036";
    case IndicatorType::registry_key:
        return R"(HKLM\Software\Microsoft\Windows\CurrentVersion\Run)";
    case IndicatorType::file_path:
        return R"(C:\Users\Public\update.exe or /tmp/x.sh)";
    case IndicatorType::filename:
        return "update.exe";
    case IndicatorType::btc:
        return "a Bitcoin address with a valid checksum (1..., 3..., bc1...)";
    case IndicatorType::xmr:
        return "a Monero address with a valid checksum (4... or 8..., 95 characters)";
    case IndicatorType::asn:
        return "AS13335";
    case IndicatorType::mac:
        return "00:16:3e:12:34:56";
    default:
        return "";
    }
}

} // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::create(const ExtractorConfig& config) {
    auto rules = detail::DomainRules::create(config.psl_file);
    if (!rules) {
        return tl::unexpected(rules.error());
    }
    std::vector<Diagnostic> notes;
    Warninglists lists;
    if (config.warninglist_dir.empty()) {
        lists = Warninglists::builtin();
    } else {
        auto loaded = Warninglists::load_directory(config.warninglist_dir, &notes);
        if (!loaded) {
            return tl::unexpected(loaded.error());
        }
        lists = std::move(*loaded);
    }
    auto impl = std::make_unique<Impl>(
        Impl{std::move(*rules), std::move(lists), std::move(notes), config.defang_style});
    return Extractor(std::move(impl));
}

const std::vector<Diagnostic>& Extractor::load_notes() const {
    return impl_->notes;
}
const Warninglists& Extractor::warninglists() const {
    return impl_->lists;
}
const DefangStyle& Extractor::defang_style() const {
    return impl_->style;
}

void Extractor::scan(std::string_view text, const ExtractOptions& options,
                     const std::function<void(const Match&)>& on_match) const {
    detail::Normalized norm;
    detail::normalize(text, detail::RefangMode::extract, norm);
    auto caches = std::make_unique<detail::ScanCaches>();
    struct Ctx {
        const detail::Normalized* norm;
        const std::function<void(const Match&)>* callback;
        Match match;
    } ctx{&norm, &on_match, {}};
    detail::MatchSink sink{[](void* p, const detail::RawMatch& raw) {
                               auto* c = static_cast<Ctx*>(p);
                               const uint64_t begin = c->norm->original_begin(raw.begin);
                               const uint64_t end = c->norm->original_end(raw.end);
                               c->match.type = raw.type;
                               c->match.offset = begin;
                               c->match.length = static_cast<uint32_t>(end - begin);
                               c->match.value.assign(raw.value);
                               c->match.was_defanged = c->norm->defanged_in(raw.begin, raw.end);
                               (*c->callback)(c->match);
                           },
                           &ctx};
    detail::Scanner scanner(impl_->rules, *caches, norm, detail::settings_for(options), sink);
    scanner.run();
}

std::vector<Indicator> Extractor::extract(std::string_view text,
                                          const ExtractOptions& options) const {
    IndicatorSet set(*this, options);
    set.add_source("");
    set.add_chunk(text);
    std::vector<Indicator> out = set.take();
    std::sort(out.begin(), out.end(), [](const Indicator& a, const Indicator& b) {
        return a.type != b.type ? a.type < b.type : a.value < b.value;
    });
    return out;
}

Indicator Extractor::classify(IndicatorType type, std::string_view canonical) const {
    Indicator out;
    out.type = type;
    out.value = std::string(canonical);
    out.defanged = defang(type, canonical, impl_->style);
    out.ip_class = detail::ip_class_of(type, canonical);
    out.warninglists = impl_->lists.lookup(type, canonical);
    return out;
}

Result<std::string> Extractor::canonicalize(IndicatorType type, std::string_view raw) const {
    const std::string_view trimmed = trim(raw);
    const std::string type_name(model::to_string(type));
    auto invalid = [&]() {
        const std::string_view example = example_for(type);
        return fail(
            ErrorCode::bad_input,
            fmt::format("'{}' is not a valid {} indicator", sanitize_utf8(trimmed), type_name),
            example.empty() ? std::string() : fmt::format("expected {}", example));
    };
    if (trimmed.empty()) {
        return fail(ErrorCode::bad_input, fmt::format("empty {} indicator", type_name),
                    "give the value, or remove the entry");
    }
    switch (type) {
    case IndicatorType::email_subject:
    case IndicatorType::scheduled_task:
    case IndicatorType::user_agent:
    case IndicatorType::other:
        return std::string(trimmed);
    default:
        break;
    }
    std::string value = refang_text(trimmed);
    switch (type) {
    case IndicatorType::ipv4: {
        if (auto v4 = parse_ipv4(value)) {
            return format_ipv4(*v4);
        }
        if (auto cidr = parse_ipv4_cidr(value)) {
            return format_ipv4(cidr->address) + "/" + std::to_string(cidr->prefix);
        }
        return invalid();
    }
    case IndicatorType::ipv6: {
        if (value.size() > 2 && value.front() == '[' && value.back() == ']') {
            value = value.substr(1, value.size() - 2);
        }
        if (auto v6 = parse_ipv6(value)) {
            return format_ipv6(*v6);
        }
        if (auto cidr = parse_ipv6_cidr(value)) {
            return format_ipv6(cidr->address) + "/" + std::to_string(cidr->prefix);
        }
        return invalid();
    }
    case IndicatorType::domain: {
        while (!value.empty() && value.back() == '.') {
            value.pop_back();
        }
        detail::DomainVerdict verdict = impl_->rules.check(value);
        if (!verdict.valid) {
            return invalid();
        }
        return verdict.canonical;
    }
    case IndicatorType::md5:
    case IndicatorType::imphash:
    case IndicatorType::ja3:
    case IndicatorType::sha1:
    case IndicatorType::sha256:
    case IndicatorType::sha512: {
        const size_t want = type == IndicatorType::sha1     ? 40
                            : type == IndicatorType::sha256 ? 64
                            : type == IndicatorType::sha512 ? 128
                                                            : 32;
        const bool hex = std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
        if (value.size() != want || !hex) {
            return invalid();
        }
        return to_lower(value);
    }
    case IndicatorType::url:
        if (value.find("://") == std::string::npos) {
            value.insert(0, "http://");
        }
        break;
    default:
        break;
    }
    // Everything else: the value must be exactly one indicator of the type, as the scanner
    // reads it (with private addresses allowed, and ambiguous names taken as the type asked).
    ExtractOptions options;
    options.types = {type};
    options.include_private = true;
    std::optional<std::string> found;
    bool extra = false;
    scan(value, options, [&](const Match& m) {
        if (m.offset == 0 && m.length == value.size() && !found) {
            found = m.value;
        } else {
            extra = true;
        }
    });
    if (!found || extra) {
        return invalid();
    }
    return *found;
}

} // namespace casefile::ioc
