// One statement's bytes (and its sidecar's) -> decoded, parsed and tagged passages: what
// the index writer and the bench's peers index. No disk I/O (corpus_files reads the bytes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "index/collection.hpp"
#include "index/corpus_files.hpp"
#include "parse/document.hpp"
#include "parse/passage.hpp"
#include "tag/tagger.hpp"

namespace r2p {

/// A statement decoded, parsed and tagged, ready for the index writer.
struct LoadedStatement {
    Document doc;
    std::vector<Passage> passages;
    std::string encoding;    ///< encoding of the bytes ("UTF-8", "windows-1252", ...)
    bool converted = false;  ///< bytes were not UTF-8
    /// "PATH:LINE: byte N (0x92) is not UTF-8, read as Windows-1252" for the first
    /// kMaxStrayByteWarnings stray bytes, then one line counting the rest.
    std::vector<std::string> warnings;
};

/// Stray bytes named one by one per file; more are counted in one line.
constexpr std::size_t kMaxStrayByteWarnings = 10;

/// Applies a sidecar's JSON (title, date, event, place, source_url, country, country_name,
/// speaker, speaker_post) to `meta`; fields the sidecar lacks or sets to null stay as they
/// are. Throws CorpusError "SIDECAR:LINE: reason" on bad JSON, a field of the wrong type, a
/// date that is not YYYY[-MM[-DD]] or a country that is not three letters (kept lower case).
void apply_sidecar(std::string_view json, const std::string& sidecar_name, DocumentMeta& meta);

/// Decodes `bytes` of `file`, applies what its collection says of it (`collection`, null
/// when read under none; its warnings join the statement's), then its sidecar
/// (`sidecar_bytes`, empty when none, named in errors by sidecar_path), parses and tags it.
/// Throws CorpusError "PATH:LINE: reason (file skipped)".
LoadedStatement load_statement(const CorpusFile& file, std::string_view bytes,
                               std::string_view sidecar_bytes, const Tagger& tagger,
                               const CollectionEntry* collection = nullptr);

}  // namespace r2p
