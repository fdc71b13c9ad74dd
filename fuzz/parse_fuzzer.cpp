// libFuzzer harness: arbitrary bytes through what r2p-index does to a statement file (decode,
// parse, passages, tags, Xapian documents, stored data), checking the contracts between them.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "index/index_writer.hpp"
#include "index/stored_passage.hpp"
#include "parse/document.hpp"
#include "parse/parse_document.hpp"
#include "parse/passage.hpp"
#include "r2p/error.hpp"
#include "r2p/taxonomy.hpp"
#include "tag/tagger.hpp"
#include "text/unicode.hpp"

namespace {

// A broken contract is a crash for libFuzzer, with the reason on stderr.
void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "parse_fuzzer: contract broken: %s\n", what);
        std::abort();
    }
}

const r2p::Taxonomy& taxonomy() {
    static const r2p::Taxonomy loaded =
        r2p::load_taxonomy(r2p::default_taxonomy_files(R2P_SOURCE_DIR "/corpus/taxonomy"));
    return loaded;
}

const r2p::Tagger& tagger() {
    static const r2p::Tagger compiled(taxonomy());
    return compiled;
}

bool is_sorted_unique(const std::vector<std::string>& ids) {
    for (std::size_t i = 1; i < ids.size(); ++i) {
        if (!(ids[i - 1] < ids[i])) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    tagger();  // load once, outside the measured runs
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    r2p::DecodedText decoded;
    try {
        decoded = r2p::decode_text(bytes);
    } catch (const r2p::DecodeError& e) {
        require(e.byte_offset() <= size, "decode error offset inside the input");
        require(e.line() >= 1, "decode error line is 1-based");
        return 0;
    }
    const std::string& text = decoded.text;
    require(text.find('\r') == std::string::npos, "decoded text has LF line endings only");
    require(text.find('\0') == std::string::npos, "decoded text has no NUL");
    require(!text.starts_with("\xEF\xBB\xBF"), "decoded text has no BOM");
    // Decoding is idempotent: the text is valid UTF-8 NFC already.
    const r2p::DecodedText again = r2p::decode_text(text);
    require(again.text == text, "decoding decoded text changes nothing");
    require(!again.converted, "decoded text is UTF-8");

    r2p::DocumentMeta meta;
    meta.id = "fuzz";
    meta.path = "fuzz.txt";
    const r2p::Document doc = r2p::parse_document(text, meta);
    for (const r2p::Paragraph& paragraph : doc.paragraphs) {
        require(paragraph.line >= 1, "paragraph lines are 1-based");
        for (const r2p::Quote& quote : paragraph.quotes) {
            require(quote.begin <= quote.end && quote.end <= paragraph.text.size(),
                    "quote span inside its paragraph");
            require(paragraph.text.compare(quote.begin, quote.end - quote.begin, quote.text) == 0,
                    "quote text is its span");
        }
    }

    std::vector<r2p::Passage> passages = r2p::make_passages(doc);
    tagger().tag(doc, passages);
    for (const r2p::Passage& passage : passages) {
        require(passage.paragraph_index < doc.paragraphs.size(), "passage names its paragraph");
        require(is_sorted_unique(passage.themes), "themes sorted and unique");
        require(is_sorted_unique(passage.roles), "roles sorted and unique");
        for (const auto& theme : passage.themes) {
            require(taxonomy().find_theme(theme) != nullptr, "theme ids come from the taxonomy");
        }
        for (const auto& role : passage.roles) {
            require(taxonomy().find_role(role) != nullptr, "role ids come from the taxonomy");
        }
        (void)r2p::fold(passage.text);
    }

    // What the index would store reads back as written.
    const r2p::PreparedDocument prepared = r2p::prepare_document(doc, passages);
    require(prepared.passages.size() == passages.size(), "one Xapian document per passage");
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const r2p::StoredPassage stored =
            r2p::decode_stored_passage(prepared.passages[i].get_data());
        require(stored.id == passages[i].id, "stored id reads back");
        require(stored.text == passages[i].text, "stored text reads back");
        require(stored.speaker == passages[i].speaker, "stored speaker reads back");
    }
    return 0;
}
