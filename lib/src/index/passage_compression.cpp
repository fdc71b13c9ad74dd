#include "index/passage_compression.hpp"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <vector>

#include "r2p/error.hpp"

namespace r2p {

namespace {

// Two NUL bytes, then a zstd frame (with its dictionary's id and the data's size).
constexpr std::string_view kCompressedMarker("\0\0", 2);

// A frame claiming more than this is corrupt: a passage is at most a statement's paragraph.
constexpr unsigned long long kMaxExpandedBytes = 1ULL << 30;

// Xapian reads a metadata value of 256 KB in about 2 ms (one of 16 KB in 20 us): the
// dictionary is stored in pieces of this size.
constexpr std::size_t kPieceBytes = 16 * 1024;

std::string piece_key(std::size_t piece) {
    std::string number = std::to_string(piece);
    return std::string(kPassageDictionaryKey) +
           std::string(4 - std::min<std::size_t>(4, number.size()), '0') + number;
}

[[noreturn]] void unreadable(const std::string& why) {
    throw IndexError("unreadable compressed passage data in the index: " + why +
                     " (make the search copy again with r2p-index --compact-to)");
}

struct DCtxFree {
    void operator()(ZSTD_DCtx* ctx) const { ZSTD_freeDCtx(ctx); }
};

// One decompression context per thread, for every dictionary.
ZSTD_DCtx* thread_dctx() {
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
    if (!ctx) throw IndexError("cannot allocate a zstd decompression context");
    return ctx.get();
}

}  // namespace

void store_passage_dictionary(Xapian::WritableDatabase& db, std::string_view dictionary) {
    for (std::size_t piece = 0; piece * kPieceBytes < dictionary.size(); ++piece)
        db.set_metadata(piece_key(piece),
                        std::string(dictionary.substr(piece * kPieceBytes, kPieceBytes)));
}

std::string read_passage_dictionary(const Xapian::Database& db) {
    // Joined into one reservation, each piece read into the same reused buffer: fresh memory
    // is a one-shot search's dearest cost (keeping the pieces until their total was known
    // touched twice the memory: 60 more page faults, about 1.5 ms on a VM).
    std::string dictionary;
    dictionary.reserve(kPassageDictionaryBytes);
    for (std::size_t piece = 0;; ++piece) {
        const std::string bytes = db.get_metadata(piece_key(piece));
        if (bytes.empty()) break;
        dictionary += bytes;
    }
    return dictionary;
}

bool is_compressed_passage(std::string_view data) {
    return data.substr(0, kCompressedMarker.size()) == kCompressedMarker;
}

std::string train_passage_dictionary(const std::vector<std::string>& samples,
                                     std::size_t max_bytes) {
    std::string joined;
    std::vector<std::size_t> sizes;
    sizes.reserve(samples.size());
    for (const std::string& sample : samples) {
        joined += sample;
        sizes.push_back(sample.size());
    }
    std::string dictionary(max_bytes, '\0');
    const std::size_t size =
        ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                              static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size)) return {};
    dictionary.resize(size);
    return dictionary;
}

struct PassageCompressor::State {
    ZSTD_CCtx* ctx = nullptr;
    ZSTD_CDict* dictionary = nullptr;
};

PassageCompressor::PassageCompressor(std::string_view dictionary, int level)
    : state_(std::make_unique<State>()) {
    state_->ctx = ZSTD_createCCtx();
    state_->dictionary = ZSTD_createCDict(dictionary.data(), dictionary.size(), level);
    if (state_->ctx == nullptr || state_->dictionary == nullptr) {
        ZSTD_freeCDict(state_->dictionary);
        ZSTD_freeCCtx(state_->ctx);
        throw IndexError("cannot set up zstd compression with the passage dictionary");
    }
}

PassageCompressor::~PassageCompressor() {
    ZSTD_freeCDict(state_->dictionary);
    ZSTD_freeCCtx(state_->ctx);
}

std::string PassageCompressor::compress(std::string_view data) {
    std::string out(kCompressedMarker.size() + ZSTD_compressBound(data.size()), '\0');
    const std::size_t size = ZSTD_compress_usingCDict(
        state_->ctx, out.data() + kCompressedMarker.size(), out.size() - kCompressedMarker.size(),
        data.data(), data.size(), state_->dictionary);
    if (ZSTD_isError(size))
        throw IndexError(std::string("cannot compress passage data: ") + ZSTD_getErrorName(size));
    if (kCompressedMarker.size() + size >= data.size()) return std::string(data);
    out.resize(kCompressedMarker.size() + size);
    return out;
}

// The dictionary is used as it is, not digested into a ZSTD_DDict: on this project's VMs the
// digest's fresh memory costs a one-shot search 0.75 ms (256 KB), more than its entropy
// tables save over the few passages a search shows (both about 5 us a passage).
struct PassageExpander::State {
    std::string dictionary;
};

PassageExpander::PassageExpander(std::string dictionary) : state_(std::make_unique<State>()) {
    if (ZDICT_getDictID(dictionary.data(), dictionary.size()) == 0)
        throw IndexError("the index's passage dictionary is not a zstd dictionary (re-index)");
    state_->dictionary = std::move(dictionary);
}

PassageExpander::~PassageExpander() = default;

std::string PassageExpander::expand(std::string_view compressed) const {
    if (!is_compressed_passage(compressed)) unreadable("it lacks its marker");
    const std::string_view frame = compressed.substr(kCompressedMarker.size());
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        unreadable("its frame is damaged");
    if (size > kMaxExpandedBytes) unreadable("its frame claims " + std::to_string(size) + " bytes");
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t got =
        ZSTD_decompress_usingDict(thread_dctx(), out.data(), out.size(), frame.data(), frame.size(),
                                  state_->dictionary.data(), state_->dictionary.size());
    if (ZSTD_isError(got)) unreadable(ZSTD_getErrorName(got));
    if (got != out.size()) unreadable("it is shorter than its frame says");
    return out;
}

std::shared_ptr<const PassageExpander> passage_expander_of(const Xapian::Database& db) {
    // By the database's uuid: a dictionary never changes once set, so every reader of one
    // database shares one expander (its set-up costs more than a search's reading).
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const PassageExpander>> by_uuid;
    const std::string uuid = db.get_uuid();
    if (!uuid.empty()) {
        const std::lock_guard<std::mutex> lock(mutex);
        const auto found = by_uuid.find(uuid);
        if (found != by_uuid.end()) return found->second;
    }
    std::string dictionary = read_passage_dictionary(db);
    if (dictionary.empty()) return nullptr;
    auto expander = std::make_shared<const PassageExpander>(std::move(dictionary));
    if (!uuid.empty()) {
        const std::lock_guard<std::mutex> lock(mutex);
        by_uuid.emplace(uuid, expander);
    }
    return expander;
}

}  // namespace r2p
