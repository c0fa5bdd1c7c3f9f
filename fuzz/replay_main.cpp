// Stand-in for libFuzzer's driver when the compiler has none: runs LLVMFuzzerTestOneInput once
// over every file named on the command line, and every file inside named folders (as
// zeek's standalone-driver and simdjson's fuzz/main.cpp do). Exit 0 means no input crashed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int run_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
        return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    size_t runs = 0;
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (arg.string().rfind('-', 0) == 0) {
            continue; // libFuzzer flags
        }
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
                if (entry.is_regular_file() && entry.path().filename().string()[0] != '.' &&
                    entry.path().extension() != ".md") {
                    failures += run_file(entry.path());
                    ++runs;
                }
            }
        } else if (std::filesystem::exists(arg, ec)) {
            failures += run_file(arg);
            ++runs;
        }
    }
    std::printf("replay: %zu inputs, %d unreadable\n", runs, failures);
    return failures == 0 ? 0 : 1;
}
