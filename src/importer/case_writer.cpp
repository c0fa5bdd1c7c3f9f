// An imported case on disk: built in a temporary folder beside the target, then renamed into
// place, so a failure never leaves half a case folder where a good one was.
#include <atomic>
#include <chrono>
#include <system_error>

#include <fmt/format.h>

#include "core/file_io.hpp"
#include "importer/evidence_kind.hpp"
#include "importer/importer.hpp"
#include "model/case_yaml.hpp"

namespace casefile::importer {
namespace fs = std::filesystem;

namespace {

/// A name beside `dir` that does not exist yet: "DIR.import-<n>" / "DIR.old-<n>".
fs::path sibling(const fs::path& dir, std::string_view tag) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    fs::path name = dir;
    name += fmt::format(".{}-{}-{}", tag, stamp, counter++);
    return name;
}

Status io_error(const std::string& what, const fs::path& path, const std::error_code& ec) {
    return fail(ErrorCode::io, fmt::format("cannot {} '{}': {}", what, path.string(), ec.message()),
                "check the folder's permissions and free space");
}

} // namespace

std::vector<std::pair<std::string, std::string>> assign_evidence_files(model::Case& c) {
    std::vector<std::pair<std::string, std::string>> files;
    const auto name = [&](auto& item, const EvidenceKind& kind, size_t number) {
        if (!item.file.empty()) {
            return;
        }
        item.file = "evidence/" + evidence_file_name(kind, number, item.text);
        files.emplace_back(item.file, item.text);
    };
    for (size_t i = 0; i < c.queries.size(); ++i) {
        EvidenceKind k;
        k.role = EvidenceRole::query;
        k.query = c.queries[i].language;
        name(c.queries[i], k, i + 1);
    }
    for (size_t i = 0; i < c.logs.size(); ++i) {
        EvidenceKind k;
        k.role = EvidenceRole::log;
        k.log = c.logs[i].kind;
        name(c.logs[i], k, i + 1);
    }
    for (size_t i = 0; i < c.commands.size(); ++i) {
        EvidenceKind k;
        k.role = EvidenceRole::command;
        k.script = c.commands[i].language;
        name(c.commands[i], k, i + 1);
    }
    return files;
}

Status write_case_folder(const model::Case& input, const fs::path& dir, bool force) {
    std::error_code ec;
    const bool exists = fs::exists(dir, ec);
    if (exists && !fs::is_directory(dir, ec)) {
        return fail(ErrorCode::conflict,
                    fmt::format("'{}' exists and is not a folder", dir.string()),
                    "choose another output folder with -o");
    }
    const bool non_empty = exists && !fs::is_empty(dir, ec);
    if (non_empty && !force) {
        return fail(ErrorCode::conflict,
                    fmt::format("'{}' already exists and is not empty", dir.string()),
                    "choose another output folder, or pass --force to replace it");
    }

    model::Case c = input;
    const auto files = assign_evidence_files(c);
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    const fs::path tmp = sibling(dir, "import");
    fs::create_directories(tmp / "evidence", ec);
    if (ec) {
        return io_error("create", tmp, ec);
    }
    const auto cleanup = [&] {
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
    };
    for (const auto& [path, text] : files) {
        if (auto written = write_file_atomic(tmp / path, text); !written) {
            cleanup();
            return written;
        }
    }
    if (auto saved = model::save_case_folder(c, tmp); !saved) {
        cleanup();
        return saved;
    }
    fs::path old;
    if (exists) {
        old = sibling(dir, "old");
        fs::rename(dir, old, ec);
        if (ec) {
            cleanup();
            return io_error("move aside", dir, ec);
        }
    }
    fs::rename(tmp, dir, ec);
    if (ec) {
        std::error_code ignored;
        if (!old.empty()) {
            fs::rename(old, dir, ignored);
        }
        cleanup();
        return io_error("rename into place", dir, ec);
    }
    if (!old.empty()) {
        fs::remove_all(old, ec);
    }
    return {};
}

} // namespace casefile::importer
