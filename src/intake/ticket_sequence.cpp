#include "intake/ticket_sequence.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <date/date.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <unistd.h>

#include "core/file_io.hpp"
#include "intake/json_document.hpp"

namespace casefile::intake {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

constexpr std::string_view kLockFile = ".casefile-tickets.lock";
constexpr std::string_view kSeq = "{seq}";

tl::unexpected<Error> bad_scheme(std::string_view scheme, std::string what) {
    return fail(ErrorCode::bad_usage, fmt::format("ticket scheme '{}': {}", scheme, what),
                "write literal text with {year}, {month}, {day} and one {seq} or {seq:04}, e.g. "
                "IR-{year}-{seq:04}");
}

/// Fills in {year}, {month} and {day} (UTC).
std::string fill_dates(std::string_view text, Timestamp now) {
    const date::year_month_day ymd(std::chrono::floor<date::days>(now));
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i).starts_with("{year}")) {
            out += fmt::format("{:04}", static_cast<int>(ymd.year()));
            i += 6;
        } else if (text.substr(i).starts_with("{month}")) {
            out += fmt::format("{:02}", static_cast<unsigned>(ymd.month()));
            i += 7;
        } else if (text.substr(i).starts_with("{day}")) {
            out += fmt::format("{:02}", static_cast<unsigned>(ymd.day()));
            i += 5;
        } else {
            out += text[i++];
        }
    }
    return out;
}

/// The number in `name` when it is `before` + digits + `after`.
std::optional<uint64_t> number_in(std::string_view name, std::string_view before,
                                  std::string_view after) {
    if (name.size() <= before.size() + after.size() || !name.starts_with(before) ||
        !name.ends_with(after)) {
        return std::nullopt;
    }
    const std::string_view digits =
        name.substr(before.size(), name.size() - before.size() - after.size());
    if (digits.size() > 18 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    uint64_t n = 0;
    for (const char c : digits) {
        n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    return n;
}

} // namespace

Result<TicketScheme> parse_ticket_scheme(std::string_view text) {
    TicketScheme scheme;
    scheme.text = std::string(text);
    if (text.find_first_of("/\\") != std::string_view::npos) {
        return bad_scheme(text, "it may not contain '/' or '\\'");
    }
    bool seen_seq = false;
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x20) {
            return bad_scheme(text, "it contains a control character");
        }
        if (c == '}') {
            return bad_scheme(text, "a '}' closes no placeholder");
        }
        std::string& part = seen_seq ? scheme.after : scheme.before;
        if (c != '{') {
            part += c;
            ++i;
            continue;
        }
        const size_t close = text.find('}', i);
        if (close == std::string_view::npos) {
            return bad_scheme(text, "a '{' is never closed");
        }
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (name == "year" || name == "month" || name == "day") {
            part += text.substr(i, close - i + 1);
        } else if (name == "seq" || (name.size() == 6 && name.starts_with("seq:0") &&
                                     name[5] >= '1' && name[5] <= '9')) {
            if (seen_seq) {
                return bad_scheme(text, "it has more than one {seq}");
            }
            seen_seq = true;
            scheme.width = name == "seq" ? 0 : name[5] - '0';
        } else {
            return bad_scheme(text, fmt::format("unknown placeholder '{{{}}}'", name));
        }
        i = close + 1;
    }
    if (!seen_seq) {
        return bad_scheme(text, "it has no {seq}, so every case would get the same id");
    }
    return scheme;
}

std::string render_ticket(const TicketScheme& scheme, Timestamp now, uint64_t n) {
    return fill_dates(scheme.before, now) + fmt::format("{:0{}}", n, scheme.width) +
           fill_dates(scheme.after, now);
}

TicketSequence::TicketSequence(fs::path dir, int lock_fd)
    : dir_(std::move(dir)), lock_fd_(lock_fd) {}

TicketSequence::TicketSequence(TicketSequence&& other) noexcept
    : dir_(std::move(other.dir_)), lock_fd_(std::exchange(other.lock_fd_, -1)),
      existed_(other.existed_), original_text_(std::move(other.original_text_)),
      scheme_(std::move(other.scheme_)), last_(std::move(other.last_)),
      pending_scheme_(std::move(other.pending_scheme_)),
      pending_key_(std::move(other.pending_key_)), pending_(other.pending_) {}

TicketSequence::~TicketSequence() {
    if (lock_fd_ >= 0) {
        ::close(lock_fd_); // releases the flock
    }
}

Result<TicketSequence> TicketSequence::open(const fs::path& cases_dir) {
    const fs::path lock_path = cases_dir / kLockFile;
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return fail(ErrorCode::io,
                    fmt::format("cannot create '{}': {}", lock_path.string(), std::strerror(errno)),
                    "the folder of cases must be writable to number tickets");
    }
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            const int saved = errno;
            ::close(fd);
            return fail(ErrorCode::io, fmt::format("cannot lock '{}': {}", lock_path.string(),
                                                   std::strerror(saved)));
        }
    }
    TicketSequence sequence(cases_dir, fd);
    const fs::path state_path = cases_dir / kTicketStateFile;
    std::error_code ec;
    if (!fs::exists(state_path, ec)) {
        return sequence;
    }
    auto text = read_file(state_path);
    if (!text) {
        return tl::unexpected(text.error());
    }
    sequence.existed_ = true;
    sequence.original_text_ = *text;
    const tl::unexpected<Error> invalid = fail(
        ErrorCode::bad_input,
        fmt::format("'{}' is not casefile's ticket state", state_path.string()),
        "it holds {\"scheme\": \"...\", \"last\": {\"IR-2026-{seq}\": 12}}; fix it, or delete it "
        "to start numbering from the highest existing case folder");
    auto json = detail::parse_json(*text, state_path.string());
    if (!json) {
        return tl::unexpected(json.error());
    }
    if (!json->is_object()) {
        return invalid;
    }
    if (const auto scheme = json->find("scheme"); scheme != json->end()) {
        if (!scheme->is_string()) {
            return invalid;
        }
        sequence.scheme_ = scheme->get<std::string>();
    }
    if (const auto last = json->find("last"); last != json->end()) {
        if (!last->is_object()) {
            return invalid;
        }
        for (const auto& [key, value] : last->items()) {
            if (!value.is_number_unsigned()) {
                return invalid;
            }
            sequence.last_[key] = value.get<uint64_t>();
        }
    }
    return sequence;
}

std::string TicketSequence::next(const TicketScheme& scheme, Timestamp now) {
    const std::string before = fill_dates(scheme.before, now);
    const std::string after = fill_dates(scheme.after, now);
    pending_key_ = before + std::string(kSeq) + after;
    uint64_t highest = 0;
    if (const auto it = last_.find(pending_key_); it != last_.end()) {
        highest = it->second;
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        if (const auto n = number_in(entry.path().filename().string(), before, after)) {
            highest = std::max(highest, *n);
        }
    }
    pending_ = highest + 1;
    pending_scheme_ = scheme.text;
    return render_ticket(scheme, now, pending_);
}

Status TicketSequence::write(const std::string& scheme,
                             const std::map<std::string, uint64_t>& last) const {
    Json state = Json::object();
    state["scheme"] = scheme;
    state["last"] = Json::object();
    for (const auto& [key, n] : last) {
        state["last"][key] = n;
    }
    return write_file_atomic(dir_ / kTicketStateFile, state.dump(2) + "\n");
}

Status TicketSequence::commit() {
    auto last = last_;
    last[pending_key_] = pending_;
    return write(pending_scheme_, last);
}

Status TicketSequence::roll_back() {
    if (existed_) {
        return write_file_atomic(dir_ / kTicketStateFile, original_text_);
    }
    std::error_code ec;
    fs::remove(dir_ / kTicketStateFile, ec);
    return {};
}

} // namespace casefile::intake
