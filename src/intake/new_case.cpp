#include "intake/new_case.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "core/file_io.hpp"
#include "intake/ticket_sequence.hpp"
#include "model/case_yaml.hpp"

namespace casefile::intake {
namespace fs = std::filesystem;

namespace {

enum class Target { missing, empty_folder, full_folder, not_a_folder };

Target target_state(const fs::path& dir) {
    std::error_code ec;
    const auto status = fs::symlink_status(dir, ec);
    if (!fs::exists(status)) {
        return Target::missing;
    }
    if (!fs::is_directory(dir, ec)) {
        return Target::not_a_folder;
    }
    return fs::is_empty(dir, ec) ? Target::empty_folder : Target::full_folder;
}

fs::path sibling(const fs::path& dir, std::string_view what) {
    std::random_device rd;
    return dir.parent_path() / fmt::format(".{}.{}-{:08x}", dir.filename().string(), what, rd());
}

tl::unexpected<Error> io_error(std::string_view what, const fs::path& path, int error) {
    return fail(ErrorCode::io,
                fmt::format("cannot {} '{}': {}", what, path.string(), std::strerror(error)),
                "check that the folder is writable and the disk is not full");
}

/// Evidence paths come from format names; refuse anything that could leave the folder.
bool safe_relative(const fs::path& path) {
    if (path.empty() || path.is_absolute()) {
        return false;
    }
    for (const auto& part : path) {
        if (part == ".." || part == ".") {
            return false;
        }
    }
    return true;
}

Status write_folder(const fs::path& folder, const std::string& case_yaml,
                    const std::vector<EvidenceFile>& files) {
    std::error_code ec;
    fs::create_directories(folder / "evidence", ec);
    if (ec) {
        return io_error("create", folder / "evidence", ec.value());
    }
    if (auto written = write_file_atomic(folder / "case.yaml", case_yaml); !written) {
        return written;
    }
    for (const EvidenceFile& file : files) {
        if (!safe_relative(file.path)) {
            return fail(ErrorCode::internal,
                        fmt::format("evidence path '{}' would leave the case folder", file.path));
        }
        fs::create_directories((folder / file.path).parent_path(), ec);
        if (ec) {
            return io_error("create", (folder / file.path).parent_path(), ec.value());
        }
        if (auto written = write_file_atomic(folder / file.path, file.content); !written) {
            return written;
        }
    }
    return {};
}

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Puts `built` where `dir` is. An existing folder is swapped out in one step where the file
/// system allows it, else moved aside first and moved back if the second step fails.
Status move_into_place(const fs::path& built, const fs::path& dir, Target target) {
    if (target != Target::full_folder) {
        // rename() replaces an empty folder, and fails if one appeared and filled meanwhile.
        if (::rename(built.c_str(), dir.c_str()) != 0) {
            return io_error("create", dir, errno);
        }
        return {};
    }
    if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
        std::error_code ec;
        fs::remove_all(built, ec); // `built` now names the old folder
        return {};
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
        return io_error("replace", dir, errno);
    }
    const fs::path old = sibling(dir, "old");
    if (::rename(dir.c_str(), old.c_str()) != 0) {
        return io_error("move aside", dir, errno);
    }
    if (::rename(built.c_str(), dir.c_str()) != 0) {
        const int saved = errno;
        ::rename(old.c_str(), dir.c_str());
        return io_error("replace", dir, saved);
    }
    std::error_code ec;
    fs::remove_all(old, ec);
    return {};
}

/// The first error loading `case_yaml` would report; nothing when it loads cleanly.
std::optional<std::string> load_problem(const std::string& case_yaml) {
    auto loaded = model::parse_case_yaml(case_yaml, "case.yaml");
    if (!loaded) {
        return loaded.error().to_string();
    }
    for (const Diagnostic& d : loaded->diagnostics) {
        if (d.level == DiagnosticLevel::error) {
            return d.to_string();
        }
    }
    return std::nullopt;
}

struct Ticket {
    std::string id;
    std::string origin;
    std::optional<TicketSequence> sequence; ///< held (locked) until the case is in place
};

Result<Ticket> choose_ticket(const fs::path& dir, const CaseDraft& draft,
                             const CreateOptions& options) {
    Ticket ticket;
    if (!options.ticket.empty()) {
        ticket.id = options.ticket;
        ticket.origin = "--ticket";
        return ticket;
    }
    const fs::path cases = dir.parent_path();
    std::error_code ec;
    if (!options.ticket_scheme.empty() || fs::exists(cases / kTicketStateFile, ec)) {
        auto sequence = TicketSequence::open(cases);
        if (!sequence) {
            return tl::unexpected(sequence.error());
        }
        const std::string text =
            options.ticket_scheme.empty() ? sequence->saved_scheme() : options.ticket_scheme;
        if (!text.empty()) {
            auto scheme = parse_ticket_scheme(text);
            if (!scheme) {
                return tl::unexpected(scheme.error());
            }
            ticket.id = sequence->next(*scheme, options.now);
            ticket.origin = fmt::format("ticket scheme {}", text);
            ticket.sequence.emplace(std::move(*sequence));
            return ticket;
        }
    }
    if (!draft.alert_ticket.empty()) {
        ticket.id = draft.alert_ticket;
        ticket.origin = "the alert's id";
    } else {
        ticket.id = dir.filename().string();
        ticket.origin = "the folder name";
    }
    return ticket;
}

} // namespace

Result<CreatedCase> create_case(const fs::path& dir_arg, const CaseDraft& draft,
                                const CreateOptions& options) {
    fs::path dir = fs::absolute(dir_arg).lexically_normal();
    if (!dir.has_filename()) {
        dir = dir.parent_path();
    }
    if (dir == dir.root_path()) {
        return fail(ErrorCode::bad_usage,
                    fmt::format("'{}' cannot be a case folder", dir_arg.string()),
                    "name a new folder, e.g. cases/IR-2026-0001");
    }
    const Target target = target_state(dir);
    if (target == Target::not_a_folder) {
        return fail(ErrorCode::conflict,
                    fmt::format("'{}' exists and is not a folder", dir_arg.string()),
                    "choose another name for the case folder");
    }
    if (target == Target::full_folder && !options.force) {
        return fail(ErrorCode::conflict,
                    fmt::format("'{}' already exists and is not an empty folder", dir_arg.string()),
                    "choose a new folder name, or pass --force to replace it (the old folder is "
                    "kept until the new one is complete)");
    }
    std::error_code ec;
    fs::create_directories(dir.parent_path(), ec);
    if (ec) {
        return io_error("create", dir.parent_path(), ec.value());
    }

    auto ticket = choose_ticket(dir, draft, options);
    if (!ticket) {
        return tl::unexpected(ticket.error());
    }
    const std::string case_yaml = draft.case_yaml(ticket->id);
    if (auto problem = load_problem(case_yaml)) {
        return fail(ErrorCode::internal,
                    fmt::format("casefile wrote a case.yaml that does not load: {}", *problem),
                    "this is a bug in casefile; please report it with the alert file");
    }

    const fs::path built = sibling(dir, "new");
    if (auto written = write_folder(built, case_yaml, draft.files); !written) {
        fs::remove_all(built, ec);
        return tl::unexpected(written.error());
    }
    if (ticket->sequence) {
        if (auto saved = ticket->sequence->commit(); !saved) {
            fs::remove_all(built, ec);
            return tl::unexpected(saved.error());
        }
    }
    if (auto moved = move_into_place(built, dir, target); !moved) {
        fs::remove_all(built, ec);
        if (ticket->sequence) {
            (void)ticket->sequence->roll_back();
        }
        return tl::unexpected(moved.error());
    }
    sync_folder(dir.parent_path());
    return CreatedCase{ticket->id, ticket->origin, target == Target::full_folder};
}

} // namespace casefile::intake
