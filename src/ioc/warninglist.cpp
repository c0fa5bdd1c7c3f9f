#include "ioc/warninglist.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <regex>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/file_io.hpp"
#include "core/text.hpp"
#include "ioc/ip_address.hpp"
#include "ioc/scanner.hpp"
#include "ioc/substring_set.hpp"
#include "ioc/url.hpp"

namespace casefile::ioc {

using detail::type_bit;
using detail::TypeMask;
using model::IndicatorType;

namespace {

constexpr size_t kMaxRegexInput = 2048; // std::regex recursion grows with the input

/// The MISP attribute types each casefile indicator type is stored as.
TypeMask types_for_attribute(std::string_view attribute) {
    struct Entry {
        std::string_view attribute;
        TypeMask types;
    };
    constexpr TypeMask kIp = type_bit(IndicatorType::ipv4) | type_bit(IndicatorType::ipv6);
    static constexpr std::array<Entry, 30> kTable{{
        {"ip-src", kIp},
        {"ip-dst", kIp},
        {"ip-src|port", kIp},
        {"ip-dst|port", kIp},
        {"ip", kIp},
        {"domain|ip", kIp | type_bit(IndicatorType::domain)},
        {"domain", type_bit(IndicatorType::domain)},
        {"hostname", type_bit(IndicatorType::domain)},
        {"hostname|port", type_bit(IndicatorType::domain)},
        {"url", type_bit(IndicatorType::url)},
        {"uri", type_bit(IndicatorType::url)},
        {"link", type_bit(IndicatorType::url)},
        {"email", type_bit(IndicatorType::email)},
        {"email-src", type_bit(IndicatorType::email)},
        {"email-dst", type_bit(IndicatorType::email)},
        {"target-email", type_bit(IndicatorType::email)},
        {"md5", type_bit(IndicatorType::md5)},
        {"sha1", type_bit(IndicatorType::sha1)},
        {"sha256", type_bit(IndicatorType::sha256)},
        {"sha512", type_bit(IndicatorType::sha512)},
        {"ssdeep", type_bit(IndicatorType::ssdeep)},
        {"imphash", type_bit(IndicatorType::imphash)},
        {"ja3-fingerprint-md5", type_bit(IndicatorType::ja3)},
        {"filename", type_bit(IndicatorType::filename) | type_bit(IndicatorType::file_path)},
        {"regkey", type_bit(IndicatorType::registry_key)},
        {"regkey|value", type_bit(IndicatorType::registry_key)},
        {"vulnerability", type_bit(IndicatorType::cve)},
        {"btc", type_bit(IndicatorType::btc)},
        {"xmr", type_bit(IndicatorType::xmr)},
        {"AS", type_bit(IndicatorType::asn)},
    }};
    for (const Entry& e : kTable) {
        if (e.attribute == attribute) {
            return e.types;
        }
    }
    if (attribute == "mac-address" || attribute == "mac-eui-64") {
        return type_bit(IndicatorType::mac);
    }
    if (attribute.starts_with("filename|")) {
        // "filename|md5" holds both a file name and a hash.
        const std::string_view hash = attribute.substr(9);
        return type_bit(IndicatorType::filename) | types_for_attribute(hash);
    }
    return 0;
}

bool has_upper(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

using V6 = std::array<uint8_t, 16>;

uint32_t host_mask(int prefix) {
    return prefix <= 0 ? 0xFFFFFFFFu : (prefix >= 32 ? 0u : 0xFFFFFFFFu >> prefix);
}
uint32_t v4_last(uint32_t network, int prefix) {
    return network | host_mask(prefix);
}
uint32_t v4_first(uint32_t address, int prefix) {
    return address & ~host_mask(prefix);
}

/// The next address; false when `key` is the last one.
bool increment(uint32_t& key) {
    if (key == 0xFFFFFFFFu) {
        return false;
    }
    ++key;
    return true;
}

bool increment(V6& key) {
    for (size_t k = key.size(); k-- > 0;) {
        if (++key[k] != 0) {
            return true;
        }
    }
    return false;
}

V6 v6_bound(const V6& a, int prefix, bool last) {
    V6 out = a;
    for (int bit = prefix; bit < 128; ++bit) {
        const auto byte = static_cast<size_t>(bit / 8);
        const auto mask = static_cast<uint8_t>(0x80u >> (bit % 8));
        out[byte] =
            last ? static_cast<uint8_t>(out[byte] | mask) : static_cast<uint8_t>(out[byte] & ~mask);
    }
    return out;
}

} // namespace

struct Warninglists::Data {
    struct List {
        std::string name;
        std::string type;
        TypeMask applies = ~TypeMask{0};
        size_t entries = 0;
    };
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Eq {
        using is_transparent = void;
        bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
    };
    using Index = std::unordered_map<std::string, std::vector<uint16_t>, Hash, Eq>;

    std::vector<List> lists;
    // Which indicator types each kind of list applies to: lookups skip the rest.
    TypeMask cidr_types = 0;
    TypeMask string_types = 0;
    TypeMask hostname_types = 0;
    TypeMask substring_types = 0;
    TypeMask regex_types = 0;
    // Everything but cidr is keyed by lower-cased entry text.
    Index strings;
    /// Every hostname entry, and every shorter suffix of one at a label boundary with no lists
    /// ("com" for "example.com"): a lookup walks a host's suffixes from its last label and
    /// stops at the first that is in no entry, usually after one probe.
    Index hostnames;
    detail::SubstringSet substrings;
    std::vector<std::pair<std::regex, uint16_t>> regexes;
    // CIDR: intervals gathered while loading, swept into segment maps on first lookup.
    std::vector<std::pair<uint32_t, std::pair<uint32_t, uint16_t>>> v4_ranges;
    std::vector<std::pair<V6, std::pair<V6, uint16_t>>> v6_ranges;
    mutable bool swept = true;
    mutable std::vector<uint32_t> v4_starts;
    mutable std::vector<uint32_t> v4_sets;
    mutable std::vector<V6> v6_starts;
    mutable std::vector<uint32_t> v6_sets;
    mutable std::vector<std::vector<uint16_t>> sets;

    void sweep() const;
    template <class Key>
    void sweep_family(const std::vector<std::pair<Key, std::pair<Key, uint16_t>>>& ranges,
                      std::vector<Key>& starts, std::vector<uint32_t>& set_ids,
                      std::map<std::vector<uint16_t>, uint32_t>& interned) const;
};

template <class Key>
void Warninglists::Data::sweep_family(
    const std::vector<std::pair<Key, std::pair<Key, uint16_t>>>& ranges, std::vector<Key>& starts,
    std::vector<uint32_t>& set_ids, std::map<std::vector<uint16_t>, uint32_t>& interned) const {
    // Boundaries: every range start, and the key after every range end.
    struct Event {
        Key key;
        bool open;
        uint16_t list;
    };
    std::vector<Event> events;
    events.reserve(ranges.size() * 2);
    for (const auto& [first, rest] : ranges) {
        const auto& [last, list] = rest;
        events.push_back({first, true, list});
        Key next = last;
        if (increment(next)) {
            events.push_back({next, false, list});
        }
    }
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.key < b.key; });
    std::map<uint16_t, int> active;
    size_t k = 0;
    while (k < events.size()) {
        const Key key = events[k].key;
        while (k < events.size() && events[k].key == key) {
            if (events[k].open) {
                ++active[events[k].list];
            } else if (--active[events[k].list] == 0) {
                active.erase(events[k].list);
            }
            ++k;
        }
        std::vector<uint16_t> members;
        members.reserve(active.size());
        for (const auto& [list, count] : active) {
            members.push_back(list);
        }
        auto [it, inserted] = interned.try_emplace(members, static_cast<uint32_t>(sets.size()));
        if (inserted) {
            sets.push_back(members);
        }
        if (!set_ids.empty() && set_ids.back() == it->second) {
            continue; // same lists as the segment before: merge
        }
        starts.push_back(key);
        set_ids.push_back(it->second);
    }
}

void Warninglists::Data::sweep() const {
    if (swept) {
        return;
    }
    v4_starts.clear();
    v4_sets.clear();
    v6_starts.clear();
    v6_sets.clear();
    sets.clear();
    std::map<std::vector<uint16_t>, uint32_t> interned;
    sweep_family(v4_ranges, v4_starts, v4_sets, interned);
    sweep_family(v6_ranges, v6_starts, v6_sets, interned);
    swept = true;
}

Warninglists::Warninglists() : data_(std::make_unique<Data>()) {}
Warninglists::Warninglists(Warninglists&&) noexcept = default;
Warninglists& Warninglists::operator=(Warninglists&&) noexcept = default;
Warninglists::~Warninglists() = default;

Status Warninglists::add_list_json(std::string_view json, const std::string& origin) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        return fail(ErrorCode::bad_input, fmt::format("{}: not valid JSON: {}", origin, e.what()),
                    "a MISP warninglist is a JSON object with name, type and list");
    }
    if (!doc.is_object() || !doc.contains("list") || !doc["list"].is_array() ||
        !doc.contains("name") || !doc["name"].is_string()) {
        return fail(ErrorCode::bad_input,
                    fmt::format(R"({}: not a MISP warninglist (needs "name" and "list"))", origin),
                    "see https://github.com/MISP/misp-warninglists for the format");
    }
    Data::List list;
    list.name = doc["name"].get<std::string>();
    list.type = doc.value("type", std::string("string"));
    if (list.type != "cidr" && list.type != "string" && list.type != "substring" &&
        list.type != "hostname" && list.type != "regex") {
        return fail(ErrorCode::bad_input,
                    fmt::format("{}: unknown warninglist type '{}'", origin, list.type),
                    "expected cidr, string, substring, hostname or regex");
    }
    if (doc.contains("matching_attributes") && doc["matching_attributes"].is_array() &&
        !doc["matching_attributes"].empty()) {
        list.applies = 0;
        for (const auto& a : doc["matching_attributes"]) {
            if (a.is_string()) {
                list.applies |= types_for_attribute(a.get<std::string>());
            }
        }
    }
    if (data_->lists.size() >= 0xFFFF) {
        return fail(ErrorCode::bad_input, "too many warninglists (65535 at most)");
    }
    const auto id = static_cast<uint16_t>(data_->lists.size());
    for (const auto& entry : doc["list"]) {
        if (!entry.is_string()) {
            continue;
        }
        const std::string value = entry.get<std::string>();
        if (value.empty()) {
            continue;
        }
        ++list.entries;
        if (list.type == "cidr") {
            if (value.find(':') != std::string::npos) {
                auto cidr = parse_ipv6_cidr(value);
                if (!cidr) {
                    if (auto one = parse_ipv6(value)) {
                        cidr = Ipv6Cidr{*one, 128};
                    }
                }
                if (cidr) {
                    data_->v6_ranges.push_back(
                        {v6_bound(cidr->address.bytes, cidr->prefix, false),
                         {v6_bound(cidr->address.bytes, cidr->prefix, true), id}});
                }
            } else {
                auto cidr = parse_ipv4_cidr(value);
                if (!cidr) {
                    if (auto one = parse_ipv4(value)) {
                        cidr = Ipv4Cidr{*one, 32};
                    }
                }
                if (cidr) {
                    data_->v4_ranges.push_back({v4_first(cidr->address, cidr->prefix),
                                                {v4_last(cidr->address, cidr->prefix), id}});
                }
            }
            data_->swept = false;
        } else if (list.type == "regex") {
            std::string pattern = value;
            bool icase = false;
            // MISP writes some patterns PCRE-style: "/pattern/flags".
            if (pattern.size() >= 2 && pattern.front() == '/' && pattern.rfind('/') > 0) {
                const size_t close = pattern.rfind('/');
                icase = pattern.find('i', close) != std::string::npos;
                pattern = pattern.substr(1, close - 1);
            }
            try {
                auto flags = std::regex::ECMAScript | std::regex::optimize;
                if (icase) {
                    flags |= std::regex::icase;
                }
                data_->regexes.emplace_back(std::regex(pattern, flags), id);
            } catch (const std::regex_error&) {
                --list.entries; // a pattern std::regex cannot read is left out
            }
        } else {
            std::string key = to_lower(value);
            if (list.type == "hostname") {
                while (!key.empty() && key.back() == '.') {
                    key.pop_back();
                }
                if (key.starts_with("*.")) {
                    key.erase(0, 2);
                } else if (key.starts_with(".")) {
                    key.erase(0, 1);
                }
                if (key.empty()) {
                    continue; // "." names no host
                }
                data_->hostnames[key].push_back(id);
                for (size_t dot = key.find('.'); dot != std::string::npos;
                     dot = key.find('.', dot + 1)) {
                    data_->hostnames.try_emplace(key.substr(dot + 1));
                }
            } else if (list.type == "substring") {
                data_->substrings.add(std::move(key), id);
            } else {
                data_->strings[key].push_back(id);
            }
        }
    }
    TypeMask& kind = list.type == "cidr"        ? data_->cidr_types
                     : list.type == "string"    ? data_->string_types
                     : list.type == "hostname"  ? data_->hostname_types
                     : list.type == "substring" ? data_->substring_types
                                                : data_->regex_types;
    kind |= list.applies;
    data_->lists.push_back(std::move(list));
    return {};
}

Result<Warninglists> Warninglists::load_directory(const std::filesystem::path& dir,
                                                  std::vector<Diagnostic>* notes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return fail(ErrorCode::not_found,
                    fmt::format("warninglist directory '{}' not found", dir.string()),
                    "pass the 'lists' folder of a MISP/misp-warninglists checkout");
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_directory() && fs::is_regular_file(entry.path() / "list.json")) {
            files.push_back(entry.path() / "list.json");
        } else if (entry.is_regular_file() && entry.path().extension() == ".json" &&
                   entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    if (ec) {
        return fail(ErrorCode::io, fmt::format("cannot list '{}': {}", dir.string(), ec.message()));
    }
    std::sort(files.begin(), files.end());
    Warninglists out;
    for (const fs::path& file : files) {
        auto text = read_file(file);
        Status added = text ? out.add_list_json(*text, file.string())
                            : Status(tl::unexpected<Error>(text.error()));
        if (!added && notes != nullptr) {
            notes->push_back(Diagnostic{DiagnosticLevel::warning, added.error().message,
                                        "the list was skipped", SourceLocation{file.string()},
                                        "warninglist-skipped"});
        }
    }
    out.finalize();
    if (out.data_->lists.empty()) {
        return fail(ErrorCode::bad_input,
                    fmt::format("no warninglists found in '{}'", dir.string()),
                    "expected <dir>/<name>/list.json files in the MISP warninglists format");
    }
    return out;
}

std::vector<std::string> Warninglists::lookup(IndicatorType type,
                                              std::string_view canonical) const {
    const Data& d = *data_;
    const TypeMask bit = type_bit(type);
    std::vector<uint16_t> hits;
    auto take = [&](const std::vector<uint16_t>& ids) {
        for (uint16_t id : ids) {
            if ((d.lists[id].applies & bit) != 0) {
                hits.push_back(id);
            }
        }
    };
    if ((d.cidr_types & bit) != 0 && (type == IndicatorType::ipv4 || type == IndicatorType::ipv6)) {
        d.sweep(); // no-op once the lists are finalized
        const std::string_view address = canonical.substr(0, canonical.find('/'));
        if (auto v4 = parse_ipv4(address)) {
            auto it = std::upper_bound(d.v4_starts.begin(), d.v4_starts.end(), *v4);
            if (it != d.v4_starts.begin()) {
                take(d.sets[d.v4_sets[static_cast<size_t>(it - d.v4_starts.begin()) - 1]]);
            }
        } else if (auto v6 = parse_ipv6(address)) {
            auto it = std::upper_bound(d.v6_starts.begin(), d.v6_starts.end(), v6->bytes);
            if (it != d.v6_starts.begin()) {
                take(d.sets[d.v6_sets[static_cast<size_t>(it - d.v6_starts.begin()) - 1]]);
            }
        }
    }
    if ((d.string_types & bit) != 0) {
        // Canonical hashes and host names are lower-case already: copy only what is not.
        const std::string lowered = has_upper(canonical) ? to_lower(canonical) : "";
        const auto it = d.strings.find(lowered.empty() ? canonical : std::string_view(lowered));
        if (it != d.strings.end()) {
            take(it->second);
        }
    }
    if ((d.hostname_types & bit) != 0) {
        std::string_view host;
        if (type == IndicatorType::domain) {
            host = canonical;
        } else if (type == IndicatorType::url) {
            host = split_url(canonical).host;
        } else if (type == IndicatorType::email) {
            host = canonical.substr(canonical.rfind('@') + 1);
        }
        const std::string lowered_host = has_upper(host) ? to_lower(host) : "";
        if (!lowered_host.empty()) {
            host = lowered_host;
        }
        // "com", then "example.com", then "www.example.com": a suffix in no entry ends it.
        for (size_t end = host.size(); end > 0;) {
            const size_t dot = host.rfind('.', end - 1);
            const size_t begin = dot == std::string_view::npos ? 0 : dot + 1;
            const auto it = d.hostnames.find(host.substr(begin));
            if (it == d.hostnames.end()) {
                break;
            }
            take(it->second);
            end = dot == std::string_view::npos ? 0 : dot;
        }
    }
    if ((d.substring_types & bit) != 0) {
        d.substrings.find_each(canonical, [&](uint32_t id) {
            if ((d.lists[id].applies & bit) != 0) {
                hits.push_back(static_cast<uint16_t>(id));
            }
        });
    }
    if ((d.regex_types & bit) != 0 && canonical.size() <= kMaxRegexInput) {
        const std::string value(canonical);
        for (const auto& [re, id] : d.regexes) {
            if ((d.lists[id].applies & bit) != 0 && std::regex_search(value, re)) {
                hits.push_back(id);
            }
        }
    }
    std::vector<std::string> names;
    if (hits.empty()) {
        return names;
    }
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    names.reserve(hits.size());
    for (uint16_t id : hits) {
        names.push_back(d.lists[id].name);
    }
    return names;
}

void Warninglists::finalize() {
    data_->sweep();
    data_->substrings.build();
}

std::vector<WarninglistInfo> Warninglists::lists() const {
    std::vector<WarninglistInfo> out;
    for (const auto& l : data_->lists) {
        out.push_back({l.name, l.type, l.entries});
    }
    return out;
}

} // namespace casefile::ioc
