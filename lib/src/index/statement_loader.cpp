#include "index/statement_loader.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "convert/convert_statement.hpp"
#include "parse/parse_document.hpp"
#include "r2p/error.hpp"
#include "text/unicode.hpp"

namespace r2p {

namespace {

std::size_t line_of_byte(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(
                   text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool valid_date(const std::string& date) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (date.size() < from + n) return false;
        return std::all_of(date.begin() + static_cast<std::ptrdiff_t>(from),
                           date.begin() + static_cast<std::ptrdiff_t>(from + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (date.size() == 4) return digits(0, 4);
    if (date.size() == 7) return digits(0, 4) && date[4] == '-' && digits(5, 2);
    if (date.size() == 10) {
        return digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2);
    }
    return false;
}

}  // namespace

void apply_sidecar(std::string_view json, const std::string& sidecar_name, DocumentMeta& meta) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        throw CorpusError(sidecar_name + ":" + std::to_string(line_of_byte(json, e.byte)) +
                          ": invalid JSON in sidecar (file skipped)");
    }
    if (!j.is_object()) {
        throw CorpusError(sidecar_name + ":1: sidecar must be a JSON object (file skipped)");
    }
    auto take = [&](const char* key, std::string& field) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_string()) {
            throw CorpusError(sidecar_name + ": \"" + key + "\" must be a string (file skipped)");
        }
        field = it->get<std::string>();
    };
    take("title", meta.title);
    take("date", meta.date);
    take("event", meta.event);
    take("place", meta.place);
    take("source_url", meta.source_url);
    take("country", meta.country);
    take("country_name", meta.country_name);
    take("speaker", meta.speaker);
    take("speaker_post", meta.speaker_post);
    if (!meta.date.empty() && !valid_date(meta.date)) {
        throw CorpusError(sidecar_name + ": date \"" + meta.date +
                          "\" is not YYYY, YYYY-MM or YYYY-MM-DD (file skipped)");
    }
    if (j.contains("country") && !j["country"].is_null()) {
        // ISO 3166-1 alpha-3, as a collection's file names give it: "USA" and "usa" are one.
        const bool three_letters =
            meta.country.size() == 3 &&
            std::all_of(meta.country.begin(), meta.country.end(),
                        [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
        if (!three_letters) {
            throw CorpusError(sidecar_name + ": country \"" + meta.country +
                              "\" is not three letters (ISO 3166-1 alpha-3) (file skipped)");
        }
        for (char& c : meta.country) c = static_cast<char>(c | 0x20);
    }
}

LoadedStatement load_statement(const CorpusFile& file, std::string_view bytes,
                               std::string_view sidecar_bytes, const Tagger& tagger,
                               const CollectionEntry* collection) {
    const std::string name = file.path.string();
    LoadedStatement loaded;
    // PDF, HTML and DOCX are first read into structured text (convert/structured_text.hpp),
    // which is UTF-8 and then decoded (normalised) like a text file.
    const SourceFormat format =
        source_format_of(file.member ? std::filesystem::path(file.member->name) : file.path);
    ConvertedStatement converted;
    if (format != SourceFormat::Text && format != SourceFormat::Markdown) {
        try {
            converted = convert_statement(format, bytes);
        } catch (const CorpusError& e) {
            throw CorpusError(name + ": " + e.what() + " (file skipped)");
        }
        for (const std::string& warning : converted.warnings)
            loaded.warnings.push_back(name + ": " + warning);
        bytes = converted.text;
    }
    DecodedText decoded;
    try {
        decoded = decode_text(bytes);
    } catch (const DecodeError& e) {
        throw CorpusError(name + ":" + std::to_string(e.line()) + ": " + e.what() +
                          " (file skipped)");
    }
    loaded.encoding = decoded.encoding;
    loaded.converted = decoded.converted;
    for (const StrayByte& stray : decoded.stray_bytes) {
        if (loaded.warnings.size() == kMaxStrayByteWarnings) {
            loaded.warnings.push_back(
                name + ": " + std::to_string(decoded.stray_bytes.size() - kMaxStrayByteWarnings) +
                " more bytes that are not UTF-8, read as Windows-1252");
            break;
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", stray.value);
        loaded.warnings.push_back(name + ":" + std::to_string(stray.line) + ": byte " +
                                  std::to_string(stray.offset) + " (" + hex +
                                  ") is not UTF-8, read as Windows-1252");
    }

    DocumentMeta meta;
    meta.id = file.doc_id;
    meta.path = name;
    if (collection) {
        apply_collection_entry(*collection, meta);
        loaded.warnings.insert(loaded.warnings.end(), collection->warnings.begin(),
                               collection->warnings.end());
    }
    if (!sidecar_bytes.empty())
        apply_sidecar(sidecar_bytes, sidecar_path(file.path).string(), meta);

    loaded.doc = parse_document(decoded.text, std::move(meta));
    // The file's own title (PDF Title, <title>) and date (<meta name="date">) only where
    // neither sidecar nor text gives one.
    if (loaded.doc.meta.title.empty()) loaded.doc.meta.title = converted.title;
    if (loaded.doc.meta.date.empty()) loaded.doc.meta.date = converted.date;
    loaded.passages = make_passages(loaded.doc);
    tagger.tag(loaded.doc, loaded.passages);
    return loaded;
}

}  // namespace r2p
