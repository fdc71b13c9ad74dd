#include "index/stored_passage.hpp"

#include <cstdint>

#include "r2p/error.hpp"

namespace r2p {

// The fields in a fixed order, each string as a varint byte length and its bytes, lists as
// a varint count and their strings. Fields are only ever appended: a passage written
// before a field existed ends before it and reads it as empty. Every passage's data is stored and
// read for every hit shown: this format is a third of the size of the short-key JSON it replaced
// (before compression) and reads ~20x faster (JSON parsing was a quarter of a query's time).

namespace {

void put_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out += s;
}

void put_list(std::string& out, const std::vector<std::string>& list) {
    put_varint(out, list.size());
    for (const auto& s : list) put_string(out, s);
}

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (pos_ == data_.size()) fail("ends inside a number");
            const auto byte = static_cast<unsigned char>(data_[pos_++]);
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        fail("has a number that is too long");
    }

    std::string string() {
        const std::uint64_t size = varint();
        if (size > data_.size() - pos_) fail("ends inside a string");
        std::string s(data_.substr(pos_, static_cast<std::size_t>(size)));
        pos_ += static_cast<std::size_t>(size);
        return s;
    }

    std::vector<std::string> list() {
        const std::uint64_t count = varint();
        // Each string takes at least one byte: a larger count is corrupt, not a big alloc.
        if (count > data_.size() - pos_) fail("has a list longer than the data");
        std::vector<std::string> out;
        out.reserve(static_cast<std::size_t>(count));
        for (std::uint64_t i = 0; i < count; ++i) out.push_back(string());
        return out;
    }

    void skip_string() {
        const std::uint64_t size = varint();
        if (size > data_.size() - pos_) fail("ends inside a string");
        pos_ += static_cast<std::size_t>(size);
    }

    void skip_list() {
        const std::uint64_t count = varint();
        if (count > data_.size() - pos_) fail("has a list longer than the data");
        for (std::uint64_t i = 0; i < count; ++i) skip_string();
    }

    bool at_end() const { return pos_ == data_.size(); }

    void finish() const {
        if (pos_ != data_.size()) fail("has bytes after its last field");
    }

  private:
    [[noreturn]] static void fail(const char* what) {
        throw IndexError(std::string("unreadable passage data in the index: it ") + what +
                         " (re-index with r2p-index)");
    }

    std::string_view data_;
    std::size_t pos_ = 0;
};

}  // namespace

namespace {

// A passage written with its statement's fields apart (encode_passage_own) begins with this
// byte; an older, self-contained record begins with its id's byte length, never 0 (ids are
// never empty).
constexpr char kOwnFieldsMarker = '\0';

void put_statement_fields(std::string& out, const StoredPassage& p) {
    put_string(out, p.doc_title);
    put_string(out, p.doc_date);
    put_string(out, p.doc_path);
    put_string(out, p.doc_event);
    put_string(out, p.doc_place);
    put_string(out, p.doc_source_url);
    put_string(out, p.doc_country);
    put_string(out, p.doc_country_name);
    put_string(out, p.doc_session);
    put_string(out, p.doc_symbol);
}

}  // namespace

std::string encode_stored_passage(const StoredPassage& p) {
    std::string out;
    out.reserve(p.text.size() + p.doc_title.size() + p.doc_path.size() + p.doc_event.size() +
                p.doc_place.size() + p.doc_source_url.size() + p.doc_country_name.size() +
                p.label.size() + p.doc_symbol.size() + 106);
    put_string(out, p.id);
    put_string(out, p.kind);
    put_string(out, p.text);
    put_list(out, p.themes);
    put_list(out, p.roles);
    put_varint(out, p.speaker ? 1 : 0);
    if (p.speaker) put_string(out, *p.speaker);
    put_string(out, p.parent);
    put_string(out, p.section);
    put_string(out, p.doc_id);
    put_string(out, p.doc_title);
    put_string(out, p.doc_date);
    put_string(out, p.doc_path);
    put_varint(out, p.line);
    put_string(out, p.doc_event);
    put_string(out, p.doc_place);
    put_string(out, p.doc_source_url);
    put_string(out, p.doc_country);
    put_string(out, p.doc_country_name);
    put_string(out, p.doc_session);
    put_string(out, p.label);
    put_string(out, p.doc_symbol);
    return out;
}

std::string encode_passage_own(const StoredPassage& p) {
    std::string out;
    out.reserve(p.text.size() + p.id.size() + p.doc_id.size() + p.section.size() + 48);
    out += kOwnFieldsMarker;
    put_string(out, p.id);
    put_string(out, p.kind);
    put_string(out, p.text);
    put_list(out, p.themes);
    put_list(out, p.roles);
    put_varint(out, p.speaker ? 1 : 0);
    if (p.speaker) put_string(out, *p.speaker);
    put_string(out, p.parent);
    put_string(out, p.section);
    put_string(out, p.doc_id);
    put_varint(out, p.line);
    put_string(out, p.label);
    return out;
}

std::string encode_statement_fields(const StoredPassage& p) {
    std::string out;
    put_statement_fields(out, p);
    return out;
}

bool has_statement_fields(std::string_view data) {
    return data.empty() || data.front() != kOwnFieldsMarker;
}

std::string stored_statement_id(std::string_view data) {
    if (has_statement_fields(data)) return decode_stored_passage(data).doc_id;
    Reader in(data.substr(1));
    in.skip_string();  // id
    in.skip_string();  // kind
    in.skip_string();  // text
    in.skip_list();    // themes
    in.skip_list();    // roles
    if (in.varint() != 0) in.skip_string();
    in.skip_string();  // parent
    in.skip_string();  // section
    return in.string();
}

StoredPassage decode_stored_passage(std::string_view data) {
    if (!has_statement_fields(data)) {
        Reader in(data.substr(1));
        StoredPassage p;
        p.id = in.string();
        p.kind = in.string();
        p.text = in.string();
        p.themes = in.list();
        p.roles = in.list();
        if (in.varint() != 0) p.speaker = in.string();
        p.parent = in.string();
        p.section = in.string();
        p.doc_id = in.string();
        p.line = static_cast<std::size_t>(in.varint());
        p.label = in.string();
        in.finish();
        return p;
    }
    Reader in(data);
    StoredPassage p;
    p.id = in.string();
    p.kind = in.string();
    p.text = in.string();
    p.themes = in.list();
    p.roles = in.list();
    if (in.varint() != 0) p.speaker = in.string();
    p.parent = in.string();
    p.section = in.string();
    p.doc_id = in.string();
    p.doc_title = in.string();
    p.doc_date = in.string();
    p.doc_path = in.string();
    p.line = static_cast<std::size_t>(in.varint());
    p.doc_event = in.string();
    p.doc_place = in.string();
    p.doc_source_url = in.string();
    p.doc_country = in.string();
    p.doc_country_name = in.string();
    p.doc_session = in.string();
    // Data written before labels and symbols ends here: they read as empty.
    if (!in.at_end()) {
        p.label = in.string();
        p.doc_symbol = in.string();
    }
    in.finish();
    return p;
}

void apply_statement_fields(std::string_view record, StoredPassage& p) {
    Reader in(record);
    p.doc_title = in.string();
    p.doc_date = in.string();
    p.doc_path = in.string();
    p.doc_event = in.string();
    p.doc_place = in.string();
    p.doc_source_url = in.string();
    p.doc_country = in.string();
    p.doc_country_name = in.string();
    p.doc_session = in.string();
    p.doc_symbol = in.string();
    in.finish();
}

}  // namespace r2p
