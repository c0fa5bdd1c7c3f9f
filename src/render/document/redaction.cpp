#include "render/document/redaction.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.hpp"
#include "ioc/extractor.hpp"

namespace casefile::render {
namespace {

bool is_word(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           (static_cast<unsigned char>(c) >= 0x80);
}

/// Host name suffixes that never resolve on the Internet: names under them are internal.
constexpr std::string_view kInternalSuffixes[] = {".local",    ".internal",  ".corp",       ".lan",
                                                  ".intranet", ".home.arpa", ".localdomain"};

bool host_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

/// Internal host names ("fin-srv02.contoso.local") in `text`.
void find_internal_hosts(std::string_view text, std::vector<std::string>& out) {
    size_t i = 0;
    while (i < text.size()) {
        if (!host_char(text[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && host_char(text[j])) {
            ++j;
        }
        std::string token = to_lower(text.substr(i, j - i));
        while (!token.empty() && token.back() == '.') {
            token.pop_back();
        }
        for (std::string_view suffix : kInternalSuffixes) {
            if (token.size() > suffix.size() && token.ends_with(suffix)) {
                out.push_back(token);
                break;
            }
        }
        i = j;
    }
}

/// Windows security identifiers of accounts ("S-1-5-21-...").
void find_sids(std::string_view text, std::vector<std::string>& out) {
    for (size_t at = text.find("S-1-"); at != std::string_view::npos;
         at = text.find("S-1-", at + 1)) {
        if (at > 0 && is_word(text[at - 1])) {
            continue;
        }
        size_t j = at + 4;
        int groups = 1;
        while (j < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[j])) != 0 || text[j] == '-')) {
            groups += text[j] == '-' ? 1 : 0;
            ++j;
        }
        if (groups >= 4) {
            out.emplace_back(text.substr(at, j - at));
        }
    }
}

/// Every piece of case text redaction must see, for discovery.
std::vector<std::string_view> case_texts(const model::Case& c) {
    std::vector<std::string_view> t = {c.alert.description, c.alert.title, c.summary,
                                       c.executive_summary};
    for (const auto& q : c.queries) {
        t.push_back(q.text);
        t.push_back(q.title);
    }
    for (const auto& l : c.logs) {
        t.push_back(l.text);
        t.push_back(l.title);
    }
    for (const auto& x : c.commands) {
        t.push_back(x.text);
    }
    for (const auto& o : c.osint) {
        t.push_back(o.subject);
        for (const auto& b : o.behaviours) {
            t.push_back(b);
        }
    }
    for (const auto& s : c.triage) {
        t.push_back(s.text);
    }
    for (const auto& s : c.actions) {
        t.push_back(s.text);
        t.push_back(s.actor);
    }
    for (const auto& s : c.escalations) {
        t.push_back(s.to);
        t.push_back(s.reason);
    }
    for (const auto& s : c.lessons) {
        t.push_back(s);
    }
    for (const auto& s : c.next_steps) {
        t.push_back(s);
    }
    for (const auto& s : c.sections) {
        t.push_back(s.body);
    }
    return t;
}

std::string_view after_backslash(std::string_view account) {
    const size_t slash = account.rfind('\\');
    return slash == std::string_view::npos ? account : account.substr(slash + 1);
}

std::string_view local_part(std::string_view email) {
    const size_t at = email.find('@');
    return at == std::string_view::npos ? std::string_view{} : email.substr(0, at);
}

} // namespace

std::string Redactor::add(std::string_view kind, std::string_view value) {
    for (const auto& [v, p] : needles_) {
        if (equals_icase(v, value)) {
            return p;
        }
    }
    auto it = std::find_if(counters_.begin(), counters_.end(),
                           [&](const auto& c) { return c.first == kind; });
    if (it == counters_.end()) {
        counters_.emplace_back(std::string(kind), 0);
        it = std::prev(counters_.end());
    }
    std::string pseudonym = fmt::format("{}-{}", kind, ++it->second);
    add_alias(value, pseudonym);
    return pseudonym;
}

void Redactor::add_alias(std::string_view value, const std::string& pseudonym) {
    const std::string_view v = trim(value);
    // Very short values ("it", "a") would redact ordinary words.
    if (v.size() < 3) {
        return;
    }
    for (const auto& n : needles_) {
        if (equals_icase(n.first, v)) {
            return;
        }
    }
    needles_.emplace_back(std::string(v), pseudonym);
}

void Redactor::sort() {
    std::stable_sort(needles_.begin(), needles_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Redactor Redactor::for_case(const model::Case& c, const analysis::Analysis& a,
                            const ioc::Extractor* extractor) {
    Redactor r;
    for (const auto& u : c.entities.users) {
        std::string p;
        for (const std::string* v : {&u.name, &u.account, &u.upn, &u.email, &u.sid}) {
            if (!trim(*v).empty()) {
                p = r.add("User", *v);
                break;
            }
        }
        if (p.empty()) {
            continue;
        }
        for (std::string_view alias :
             {std::string_view(u.name), std::string_view(u.account), after_backslash(u.account),
              std::string_view(u.upn), local_part(u.upn), std::string_view(u.email),
              local_part(u.email), std::string_view(u.sid)}) {
            r.add_alias(alias, p);
        }
    }
    for (const auto& d : c.entities.devices) {
        std::string p;
        for (const std::string* v : {&d.hostname, &d.id}) {
            if (!trim(*v).empty()) {
                p = r.add("Host", *v);
                break;
            }
        }
        if (!p.empty()) {
            r.add_alias(d.hostname, p);
            r.add_alias(d.id, p);
            // "fin-srv02.contoso.local" is also known by its first label.
            const std::string_view id = d.id;
            r.add_alias(id.substr(0, id.find('.')), p);
        }
        for (const auto& ip : d.ips) {
            r.add("Private-IP", ip);
        }
    }

    std::vector<std::string> listed_emails;
    for (const auto& i : a.indicators) {
        if (i.type == model::IndicatorType::email && i.listed) {
            listed_emails.push_back(i.value);
        }
    }
    std::vector<std::string> hosts;
    std::vector<std::string> sids;
    for (std::string_view text : case_texts(c)) {
        find_internal_hosts(text, hosts);
        find_sids(text, sids);
        if (extractor == nullptr) {
            continue;
        }
        ioc::ExtractOptions options;
        options.include_private = true;
        options.types = {model::IndicatorType::ipv4, model::IndicatorType::ipv6,
                         model::IndicatorType::email};
        extractor->scan(text, options, [&](const ioc::Match& m) {
            if (m.type == model::IndicatorType::email) {
                if (std::find(listed_emails.begin(), listed_emails.end(), m.value) ==
                    listed_emails.end()) {
                    r.add("Email", m.value);
                    r.add_alias(text.substr(m.offset, m.length), r.add("Email", m.value));
                }
                return;
            }
            // Addresses inside an organisation; documentation and reserved ranges are not
            // personal data.
            const auto cls = extractor->classify(m.type, m.value).ip_class;
            if (cls && (*cls == ioc::IpClass::private_address || *cls == ioc::IpClass::loopback ||
                        *cls == ioc::IpClass::link_local || *cls == ioc::IpClass::cgnat)) {
                r.add("Private-IP", m.value);
            }
        });
    }
    for (const auto& h : hosts) {
        r.add("Host", h);
    }
    for (const auto& s : sids) {
        r.add("SID", s);
    }
    r.sort();
    return r;
}

std::string Redactor::apply(std::string_view text) const {
    if (needles_.empty()) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const bool boundary_before = i == 0 || !is_word(text[i - 1]);
        bool replaced = false;
        if (boundary_before) {
            for (const auto& [value, pseudonym] : needles_) {
                if (value.size() > text.size() - i ||
                    !equals_icase(text.substr(i, value.size()), value)) {
                    continue;
                }
                const size_t end = i + value.size();
                if (end < text.size() && is_word(text[end])) {
                    continue;
                }
                out += pseudonym;
                i = end;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out += text[i++];
        }
    }
    return out;
}

} // namespace casefile::render
