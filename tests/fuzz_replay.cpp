// Replays the fixed inputs of a libFuzzer harness (tests/data/fuzz/<harness>/) as an ordinary
// test: linked with the harness's LLVMFuzzerTestOneInput, built by the normal compiler, and
// under ASan+UBSan (leaks included) in an R2P_SANITIZERS build. The harness's own checks are
// the assertions: a broken contract aborts, a leak or UB fails the sanitized run at exit.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

// The files named, and every regular file inside the folders named, each list sorted.
bool collect(const fs::path& path, std::vector<fs::path>& out) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        out.push_back(path);
        return true;
    }
    if (!fs::is_directory(path, ec)) return false;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
    return !ec;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
        return 2;
    }
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        if (!collect(argv[i], inputs)) {
            std::fprintf(stderr, "fuzz_replay: error: cannot read %s\n", argv[i]);
            return 2;
        }
    }
    // A replay of nothing would pass whatever the harness does.
    if (inputs.empty()) {
        std::fprintf(stderr, "fuzz_replay: error: no input to replay\n");
        return 2;
    }
    LLVMFuzzerInitialize(&argc, &argv);
    for (const fs::path& input : inputs) {
        std::ifstream in(input, std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                      std::istreambuf_iterator<char>());
        // Named before it runs: a crash then says which input did it.
        std::fprintf(stderr, "fuzz_replay: %s (%zu bytes)\n", input.c_str(), bytes.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::fprintf(stderr, "fuzz_replay: %zu inputs replayed\n", inputs.size());
    return 0;
}
