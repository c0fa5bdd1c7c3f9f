#pragma once

#include <string>
#include <string_view>

#include "model/enums.hpp"

namespace casefile::ioc {

/// How indicators are written for people to read without clicking them. Only network
/// indicators change (url, domain, email, ipv4, ipv6); only the host part of a URL is touched, so
/// dots in paths stay (and an IPv6 literal host keeps its colons). Every style here is understood
/// by refang_text(), so refang_text(defang(t, x, style)) == x for any canonical x.
struct DefangStyle {
    std::string dot = "[.]";              ///< replaces each dot of a host name, email domain, IPv4
    std::string at = "[@]";               ///< replaces the at sign of an email address
    std::string ipv6_colon = "[:]";       ///< replaces each colon of an IPv6 address
    std::string scheme_separator = "://"; ///< "[://]" gives the Talos style hxxps[://]x[.]y
    bool rewrite_scheme = true; ///< http -> hxxp, https -> hxxps, ftp -> fxp, sftp -> sfxp
};

/// The defanged form of a canonical value of `type`; other types are returned unchanged.
[[nodiscard]] std::string defang(model::IndicatorType type, std::string_view canonical,
                                 const DefangStyle& style = {});

/// Appends the defanged form to `out` (no allocation when `out` has room).
void defang_append(std::string& out, model::IndicatorType type, std::string_view canonical,
                   const DefangStyle& style = {});

/// Undoes defang notation in free text and returns the text otherwise unchanged: `[.]`, `(.)`,
/// `{.}`, `[dot]`, ` dot `, `\.`, `[:]`, `[://]`, `[/]`, `[@]`, `(at)`, `[at]`, hxxp/hXXp/h**p/
/// meow:// schemes and the rest listed in docs/iocs.md. Newlines are never joined, so it works
/// as a line-oriented filter. A defanged host followed by a path and no scheme gets `http://`
/// ("example[.]com/x" -> "http://example.com/x").
[[nodiscard]] std::string refang_text(std::string_view text);

} // namespace casefile::ioc
