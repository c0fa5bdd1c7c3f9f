#include "export/jcs.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::exporting {
namespace {

using Json = nlohmann::ordered_json;

/// UTF-16 code units of a valid UTF-8 string, for RFC 8785's member order.
std::u16string utf16(const std::string& s) {
    std::u16string out;
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        char32_t cp = 0;
        size_t n = 1;
        if (b < 0x80) {
            cp = b;
        } else if ((b >> 5) == 0x6) {
            cp = b & 0x1f;
            n = 2;
        } else if ((b >> 4) == 0xe) {
            cp = b & 0x0f;
            n = 3;
        } else {
            cp = b & 0x07;
            n = 4;
        }
        for (size_t k = 1; k < n && i + k < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += static_cast<char16_t>(0xd800 + (cp >> 10));
            out += static_cast<char16_t>(0xdc00 + (cp & 0x3ff));
        } else {
            out += static_cast<char16_t>(cp);
        }
        i += n;
    }
    return out;
}

Status write_string(const std::string& s, std::string& out) {
    if (!is_valid_utf8(s)) {
        return fail(ErrorCode::bad_input, "string is not valid UTF-8", "", std::nullopt);
    }
    append_json_string(out, s);
    return {};
}

Status write(const Json& v, std::string& out) {
    switch (v.type()) {
    case Json::value_t::null:
        out += "null";
        return {};
    case Json::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        return {};
    case Json::value_t::number_integer:
        out += std::to_string(v.get<int64_t>());
        return {};
    case Json::value_t::number_unsigned:
        out += std::to_string(v.get<uint64_t>());
        return {};
    case Json::value_t::number_float: {
        const double d = v.get<double>();
        if (!std::isfinite(d)) {
            return fail(ErrorCode::bad_input, "JSON cannot represent NaN or infinity");
        }
        out += ecmascript_number(d);
        return {};
    }
    case Json::value_t::string:
        return write_string(v.get_ref<const std::string&>(), out);
    case Json::value_t::array: {
        out += '[';
        bool first = true;
        for (const auto& item : v) {
            if (!first) {
                out += ',';
            }
            first = false;
            if (auto ok = write(item, out); !ok) {
                return ok;
            }
        }
        out += ']';
        return {};
    }
    case Json::value_t::object: {
        std::vector<std::pair<std::u16string, Json::const_iterator>> members;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!is_valid_utf8(it.key())) {
                return fail(ErrorCode::bad_input, "member name is not valid UTF-8");
            }
            members.emplace_back(utf16(it.key()), it);
        }
        std::sort(members.begin(), members.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        out += '{';
        bool first = true;
        for (const auto& [key, it] : members) {
            if (!first) {
                out += ',';
            }
            first = false;
            if (auto ok = write_string(it.key(), out); !ok) {
                return ok;
            }
            out += ':';
            if (auto ok = write(it.value(), out); !ok) {
                return ok;
            }
        }
        out += '}';
        return {};
    }
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return fail(ErrorCode::bad_input, "value has no JSON text form");
}

} // namespace

std::string ecmascript_number(double value) {
    if (value == 0) {
        return "0"; // also -0
    }
    std::string out;
    if (value < 0) {
        out += '-';
        value = -value;
    }
    // Shortest round-trip digits, as ECMAScript requires, from the scientific form "d.ddde±x".
    std::array<char, 64> buf{};
    const auto res =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::scientific);
    const std::string_view sci(buf.data(), static_cast<size_t>(res.ptr - buf.data()));
    const size_t e = sci.find('e');
    std::string digits;
    for (const char c : sci.substr(0, e)) {
        if (c != '.') {
            digits += c;
        }
    }
    int exponent = 0;
    std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(),
                    exponent);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1; // position of the decimal point relative to the digits
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<size_t>(n));
        out += '.';
        out += digits.substr(static_cast<size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

Result<std::string> canonical_json(const nlohmann::ordered_json& value) {
    std::string out;
    if (auto ok = write(value, out); !ok) {
        return tl::unexpected(ok.error());
    }
    return out;
}

} // namespace casefile::exporting
