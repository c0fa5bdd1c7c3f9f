// Runs LLVMFuzzerTestOneInput over files, for compilers without libFuzzer (g++): every
// argument that is a file is one input, every directory is walked recursively; arguments
// starting with '-' (libFuzzer flags) are ignored. Exits 0 when every input ran.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool run_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
        return false;
    }
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    size_t runs = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.empty() || arg[0] == '-') {
            continue;
        }
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
                if (entry.is_regular_file()) {
                    ok = run_file(entry.path()) && ok;
                    ++runs;
                }
            }
        } else {
            ok = run_file(arg) && ok;
            ++runs;
        }
    }
    std::printf("replay: %zu inputs\n", runs);
    return ok ? 0 : 1;
}
