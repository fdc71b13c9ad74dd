#include "index/index_writer.hpp"

#include <algorithm>
#include <map>
#include <span>
#include <unordered_map>

#include "index/bulk_build.hpp"
#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "r2p/stored_taxonomy.hpp"
#include "sentences/sentence_signature.hpp"
#include "sentences/sentence_split.hpp"
#include "sentences/sentence_words.hpp"
#include "tables/table_file_writer.hpp"
#include "text/names.hpp"
#include "text/possessives.hpp"
#include "text/unicode.hpp"

namespace r2p {

namespace {

std::string term(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    t += value;
    return t;
}

// Xapian rejects terms over 245 bytes, and a NUL-bearing term poisons the whole pending
// batch at commit: such terms are dropped here, whatever produced them.
bool storable_term(const std::string& t) {
    return !t.empty() && t.size() <= schema::kMaxTermBytes && t.find('\0') == std::string::npos;
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
    if (value.empty()) return;
    std::string t = term(prefix, value);
    if (storable_term(t)) doc.add_boolean_term(t);
}

// The anchors of every signed sentence of `text`, as boolean terms: no effect on ranking or
// document length.
void add_sentence_anchors(Xapian::Document& xdoc, std::string_view text) {
    std::vector<std::string> anchors;
    for (const detail::SentenceSpan& span : detail::split_sentences(text)) {
        detail::append_sentence_anchors(detail::sentence_words(text, span.begin, span.end),
                                        anchors);
    }
    for (const std::string& anchor : anchors) xdoc.add_boolean_term(anchor);
}

// The fields a statement's passages share, as StoredPassage holds them.
void set_statement_fields(StoredPassage& stored, const Document& doc) {
    stored.doc_title = doc.meta.title;
    stored.doc_date = doc.meta.date;
    stored.doc_path = doc.meta.path;
    stored.doc_event = doc.meta.event;
    stored.doc_place = doc.meta.place;
    stored.doc_source_url = doc.meta.source_url;
    stored.doc_country = fold(doc.meta.country);
    stored.doc_country_name = doc.meta.country_name;
    stored.doc_session = doc.meta.session;
    stored.doc_symbol = doc.meta.symbol;
}

std::string year_of(const std::string& date) {
    return date.size() >= 4 ? date.substr(0, 4) : std::string();
}

}  // namespace

std::string date_sort_value(const std::string& date) {
    if (date.size() < 4) return {};
    std::string value = date.substr(0, 4);
    value += date.size() >= 7 ? date.substr(5, 2) : "00";
    value += date.size() >= 10 ? date.substr(8, 2) : "00";
    return value;
}

Xapian::Document make_passage_document(const Document& doc, const Passage& passage,
                                       Xapian::TermGenerator& terms,
                                       const PassageTermOptions& options) {
    Xapian::Document xdoc;
    terms.set_document(xdoc);
    // Possessives go (as they do from queries): "Ki-moon's" is indexed as "Ki-moon", so the
    // phrase "ban ki-moon" finds it.
    terms.index_text(detail::drop_possessives(fold(passage.text)));
    // Only the text's words so far: a phrase never runs into the fields added below.
    if (options.phrases != nullptr) options.phrases->add_terms(xdoc);
    if (passage.speaker) {
        terms.increase_termpos();
        terms.index_text_without_positions(detail::drop_possessives(fold(*passage.speaker)), 1,
                                           std::string(schema::kSpeakerPrefix));
    }
    // Each after a gap, so a phrase never runs from one into the next.
    for (const std::string* field : {&doc.meta.title, &doc.meta.event, &doc.meta.place}) {
        if (field->empty()) continue;
        terms.increase_termpos();
        terms.index_text(detail::drop_possessives(fold(*field)), 1,
                         std::string(schema::kTitlePrefix));
    }

    const std::string_view kind = kind_name(passage.kind);
    add_boolean(xdoc, schema::kIdPrefix, passage.id);
    add_boolean(xdoc, schema::kParentPrefix, passage.parent_id);
    // Each boolean field's ids: several for a multi-valued field, else one, which may be
    // empty (no term then, and an empty value).
    const std::string kind_value(kind);
    const std::string year = year_of(doc.meta.date);
    const std::string country = fold(doc.meta.country);
    const std::string speaker = passage.speaker ? fold_name(*passage.speaker) : std::string();
    const std::string symbol = fold(doc.meta.symbol);
    auto values_of = [&](schema::Field field) -> std::span<const std::string> {
        switch (field) {
            case schema::Field::Theme:
                return passage.themes;
            case schema::Field::Role:
                return passage.roles;
            case schema::Field::Kind:
                return {&kind_value, 1};
            case schema::Field::Doc:
                return {&doc.meta.id, 1};
            case schema::Field::Year:
                return {&year, 1};
            case schema::Field::Country:
                return {&country, 1};
            case schema::Field::Speaker:
                return {&speaker, 1};
            case schema::Field::Symbol:
                return {&symbol, 1};
            case schema::Field::SpeakerWords:
            case schema::Field::Title:
                break;  // free text, indexed above
        }
        return {};
    };
    for (const schema::FieldSpec& field : schema::kFields) {
        if (!field.boolean) continue;
        const std::span<const std::string> values = values_of(field.field);
        for (const auto& value : values) add_boolean(xdoc, field.prefix, value);
        if (!field.slot) continue;
        // A value whose term was dropped is not stored either where a FacetTable may count
        // the field from its terms: counts from tables and from values must agree.
        const bool dropped = field.facet_table && !field.multi_valued && !values.front().empty() &&
                             !storable_term(term(field.prefix, values.front()));
        xdoc.add_value(schema::slot(*field.slot), field.multi_valued ? schema::join_ids(values)
                                                  : dropped          ? std::string()
                                                                     : values.front());
    }
    // A quote's sentences are its paragraph's: signed once, a use counts once.
    if (options.sentence_signatures && passage.kind == PassageKind::Paragraph)
        add_sentence_anchors(xdoc, passage.text);
    xdoc.add_value(schema::slot(schema::Slot::Date), date_sort_value(doc.meta.date));
    // The collapse key of grouping by paragraph: a quote folds into its own paragraph.
    xdoc.add_value(schema::slot(schema::Slot::Paragraph),
                   passage.parent_id.empty() ? passage.id : passage.parent_id);

    StoredPassage stored;
    stored.id = passage.id;
    stored.kind = std::string(kind);
    stored.text = passage.text;
    stored.themes = passage.themes;
    stored.roles = passage.roles;
    stored.speaker = passage.speaker;
    stored.parent = passage.parent_id;
    if (passage.paragraph_index < doc.paragraphs.size()) {
        const Paragraph& paragraph = doc.paragraphs[passage.paragraph_index];
        stored.section = paragraph.section;
        stored.line = paragraph.line;
        stored.label = paragraph.label;  // a quote shows its paragraph's number
    }
    stored.doc_id = doc.meta.id;
    // The statement's fields go once in its record, not in each of its ~20-40 passages.
    if (schema::statement_key(doc.meta.id).empty() || doc.meta.id.empty()) {
        set_statement_fields(stored, doc);
        xdoc.set_data(encode_stored_passage(stored));
    } else {
        xdoc.set_data(encode_passage_own(stored));
    }
    return xdoc;
}

std::pair<std::string, std::string> statement_record(const Document& doc) {
    if (doc.meta.id.empty()) return {};
    std::string key = schema::statement_key(doc.meta.id);
    if (key.empty()) return {};
    StoredPassage fields;
    set_statement_fields(fields, doc);
    return {std::move(key), encode_statement_fields(fields)};
}

std::vector<std::pair<std::string, std::string>> facet_labels(
    const Document& doc, const std::vector<Passage>& passages) {
    std::map<std::string, std::string> labels;
    auto label = [&](schema::Field field, const std::string& value, const std::string& text) {
        const std::string key = schema::label_key(schema::field_spec(field), value);
        if (!value.empty() && !text.empty() && !key.empty()) labels[key] = text;
    };
    label(schema::Field::Country, fold(doc.meta.country), doc.meta.country_name);
    for (const Passage& passage : passages) {
        if (passage.speaker)
            label(schema::Field::Speaker, fold_name(*passage.speaker), *passage.speaker);
    }
    return {labels.begin(), labels.end()};
}

namespace {

// TermGenerator is not thread-safe; one per thread, reused across documents.
Xapian::TermGenerator& thread_term_generator() {
    thread_local Xapian::TermGenerator terms = [] {
        Xapian::TermGenerator generator;
        generator.set_stemmer(schema::make_stemmer());
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        return generator;
    }();
    return terms;
}

// Adds the spelling entries of a passage's Xapian document to `words`.
template <typename Words>
void add_spellings(const Passage& passage, const Xapian::Document& xdoc, Words& words) {
    // A quote's words are its paragraph's words: counting them again would only cost.
    if (passage.kind == PassageKind::Quote) return;
    // Unprefixed terms are the folded body words: the spelling dictionary's entries.
    for (auto it = xdoc.termlist_begin(); it != xdoc.termlist_end(); ++it) {
        const std::string& word = *it;
        if (word.empty() || word[0] < 'a' || word[0] > 'z') continue;
        words[word] += it.get_wdf();
    }
}

}  // namespace

PreparedDocument prepare_document(const Document& doc, const std::vector<Passage>& passages,
                                  const PassageTermOptions& options) {
    Xapian::TermGenerator& terms = thread_term_generator();
    PreparedDocument prepared;
    prepared.doc_id = doc.meta.id;
    prepared.path = doc.meta.path;
    prepared.passages.reserve(passages.size());
    std::map<std::string, Xapian::termcount> words;
    for (const Passage& passage : passages) {
        prepared.passages.push_back(make_passage_document(doc, passage, terms, options));
        add_spellings(passage, prepared.passages.back(), words);
    }
    prepared.spellings.assign(words.begin(), words.end());
    prepared.labels = facet_labels(doc, passages);
    prepared.statement = statement_record(doc);
    prepared.phrases = options.phrases;
    return prepared;
}

// Spelling entries are gathered here and written every kSpellingFlushPassages passages and
// at the last commit, not at every batch: writing them was a fifth of the writer's time,
// and most words recur from batch to batch. A run killed in between loses the spelling
// counts of up to that many passages (suggestions only; never a passage).
constexpr std::size_t kSpellingFlushPassages = 100'000;

// Passages per commit at most while a document is streamed by write_document (measured on
// a generated 5 MB statement: 1000 took 90 MB at peak, 5000 took 126 MB).
constexpr std::size_t kStreamedBatch = 1000;

// Passages per commit at most while a new database is built in parts (bulk_build.hpp).
constexpr std::size_t kPartBatch = 1000;

struct IndexWriter::State {
    std::filesystem::path dir;
    Xapian::WritableDatabase db;
    std::size_t batch_documents;
    bool sentence_signatures = true;
    std::size_t pending = 0;
    std::unordered_map<std::string, Xapian::termcount> spellings;
    std::size_t spelling_passages = 0;  // passages whose words are in `spellings`
    // While a new database is built in parts (db is the current part), else null.
    std::unique_ptr<BulkBuild> bulk;
    // The labels of a bulk build, written into its last part only: the compactor keeps an
    // arbitrary one of a key's values when several parts hold it.
    std::map<std::string, std::string> bulk_labels;
    // The phrases the database indexes, and the last prepared list found to include them.
    IndexedPhrases phrases;
    const IndexedPhrases* phrases_checked = nullptr;

    // A value's label is rewritten by every document carrying it (the last spelling wins):
    // cheaper than reading it first, and a document holds one country and few speakers.
    void write_labels(const std::vector<std::pair<std::string, std::string>>& labels) {
        for (const auto& [key, label] : labels) {
            if (bulk) {
                bulk_labels[key] = label;
            } else {
                db.set_metadata(key, label);
            }
        }
    }

    // A statement's record is written (or replaced) with its passages, in the same commit.
    void write_statement(const std::pair<std::string, std::string>& statement) {
        if (!statement.first.empty()) db.set_metadata(statement.first, statement.second);
    }

    void flush_spellings() {
        for (const auto& [word, frequency] : spellings) db.add_spelling(word, frequency);
        spellings.clear();
        spelling_passages = 0;
    }
};

namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& dir) {
    try {
        return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLockedError("database " + dir.string() +
                                  " is locked by another writer (is r2p-index already running?)");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + dir.string() + ": " + e.get_description());
    }
}

// Marks the database as signed with this scheme (schema::kSignatureSchemeKey) only when all
// of its passages will be: it is empty, or already marked so. Passages written without
// signatures, or with another scheme, leave it unmarked.
void mark_signatures(Xapian::WritableDatabase& db, bool sentence_signatures) {
    const std::string key(schema::kSignatureSchemeKey);
    const std::string scheme = db.get_metadata(key);
    const std::string ours(detail::kSignatureScheme);
    if (sentence_signatures && (db.get_doccount() == 0 || scheme == ours)) {
        if (scheme != ours) db.set_metadata(key, ours);
    } else if (!scheme.empty()) {
        db.set_metadata(key, "");
    }
}

// The phrases `db` indexes: those it lists, else `for_new` when it holds no passage yet
// (listed now, committed with its first commit), else none: passages written without phrase
// terms must never be taken for passages without the phrase.
IndexedPhrases indexed_phrases(Xapian::WritableDatabase& db, const IndexedPhrases* for_new) {
    const std::string key(schema::kIndexedPhrasesKey);
    if (!db.get_metadata(key).empty()) return IndexedPhrases::of_database(db);
    if (for_new == nullptr || for_new->empty() || db.get_doccount() != 0) return {};
    db.set_metadata(key, for_new->metadata());
    return *for_new;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir, std::size_t batch_documents,
                         bool sentence_signatures, std::size_t bulk_part_passages,
                         const IndexedPhrases* new_database_phrases)
    : state_(std::make_unique<State>(State{dir,
                                           open_writable(dir),
                                           batch_documents,
                                           sentence_signatures,
                                           0,
                                           {},
                                           0,
                                           {},
                                           {},
                                           {},
                                           nullptr})) {
    try {
        if (bulk_part_passages > 0 && bulk_build_applies(dir, state_->db)) {
            // Everything from here on goes into the parts; the empty target keeps the lock.
            state_->bulk = std::make_unique<BulkBuild>(dir, state_->db, bulk_part_passages);
            state_->db = state_->bulk->next_part();
            // A part commits cheaply (small, unsynced), and a smaller pending batch makes
            // Xapian's per-term maps cheaper: 50k passages took 24% less CPU at 1000 than
            // at 5000 (measured: 61 against 83 s user+sys).
            state_->batch_documents = std::min(state_->batch_documents, kPartBatch);
        }
        const std::string version = state_->db.get_metadata(std::string(schema::kSchemaVersionKey));
        if (version.empty()) {
            if (state_->db.get_doccount() != 0) {
                throw IndexError(
                    "database " + dir.string() +
                    " was not written by r2p-index (remove it or choose another --db)");
            }
            state_->db.set_metadata(std::string(schema::kSchemaVersionKey),
                                    std::string(schema::kSchemaVersion));
        } else if (version != schema::kSchemaVersion) {
            throw IndexError("database " + dir.string() + " has schema version " + version +
                             ", this r2p-index writes " + std::string(schema::kSchemaVersion) +
                             " (re-index into a new --db)");
        }
        mark_signatures(state_->db, sentence_signatures);
        state_->phrases = indexed_phrases(state_->db, new_database_phrases);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot use database " + dir.string() + ": " + e.get_description());
    }
}

// Xapian commits what is pending when the database is closed. That is safe even after an
// error mid-document: the document's fingerprint is written last, so a later run sees it
// changed and writes it again.
IndexWriter::~IndexWriter() {
    if (state_->bulk) {
        // An unpublished bulk build is dropped whole: the target stays as it was.
        try {
            state_->db.close();
        } catch (const Xapian::Error&) {
            // The parts are removed anyway.
        }
        state_->bulk.reset();
        return;
    }
    try {
        state_->flush_spellings();  // committed with what is pending when the database closes
    } catch (const Xapian::Error&) {
        // Suggestions lose these counts; the passages themselves are unaffected.
    }
}

std::map<std::string, StoredDocument> read_stored_documents(const Xapian::Database& db,
                                                            const std::filesystem::path& dir) {
    std::map<std::string, StoredDocument> stored;
    try {
        const std::string files(schema::kFileKeyPrefix);
        for (auto it = db.metadata_keys_begin(files); it != db.metadata_keys_end(files); ++it) {
            stored[(*it).substr(files.size())].fingerprint = db.get_metadata(*it);
        }
        const std::string locations(schema::kLocationKeyPrefix);
        for (auto it = db.metadata_keys_begin(locations); it != db.metadata_keys_end(locations);
             ++it) {
            const auto found = stored.find((*it).substr(locations.size()));
            if (found != stored.end()) found->second.location = db.get_metadata(*it);
        }
        for (auto& [doc_id, document] : stored) {
            if (!document.location.empty()) continue;
            const auto passage = db.postlist_begin(term(schema::kDocPrefix, doc_id));
            if (passage == db.postlist_end(term(schema::kDocPrefix, doc_id))) continue;
            const std::string path = StoredPassageReader(db).read(*passage).doc_path;
            std::error_code ec;
            if (!path.empty())
                document.location = std::filesystem::absolute(path, ec).lexically_normal();
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read database " + dir.string() + ": " + e.get_description());
    }
    return stored;
}

std::map<std::string, StoredDocument> IndexWriter::stored_documents() const {
    return read_stored_documents(state_->db, state_->dir);
}

void IndexWriter::record_location(const std::string& doc_id,
                                  const std::filesystem::path& location) {
    try {
        state_->db.set_metadata(term(schema::kLocationKeyPrefix, doc_id), location.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot write " + state_->dir.string() + ": " + e.get_description());
    }
    ++state_->pending;
}

void IndexWriter::remove(const std::string& doc_id) {
    try {
        state_->db.delete_document(term(schema::kDocPrefix, doc_id));
        state_->db.set_metadata(term(schema::kFileKeyPrefix, doc_id), "");
        state_->db.set_metadata(term(schema::kLocationKeyPrefix, doc_id), "");
        const std::string statement = schema::statement_key(doc_id);
        if (!statement.empty()) state_->db.set_metadata(statement, "");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot remove " + doc_id + " from " + state_->dir.string() + ": " +
                         e.get_description());
    }
    ++state_->pending;
}

std::string IndexWriter::stored_fingerprint(const std::string& doc_id) const {
    try {
        return state_->db.get_metadata(term(schema::kFileKeyPrefix, doc_id));
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read database " + state_->dir.string() + ": " +
                         e.get_description());
    }
}

const IndexedPhrases& IndexWriter::phrases() const { return state_->phrases; }

void IndexWriter::write(const PreparedDocument& prepared, const std::string& fingerprint) {
    if (!state_->phrases.empty() &&
        (prepared.phrases == nullptr || prepared.phrases != state_->phrases_checked)) {
        // A passage without the term of a phrase it holds would be lost to that phrase.
        if (prepared.phrases == nullptr || !prepared.phrases->includes(state_->phrases)) {
            throw IndexError("cannot write " + prepared.path + " to " + state_->dir.string() +
                             ": its passages lack terms of phrases the database indexes");
        }
        state_->phrases_checked = prepared.phrases;
    }
    try {
        // Every old passage of the document goes, including ids the new text no longer has;
        // so add_document is safe (and much cheaper than replace_document by id term).
        state_->db.delete_document(term(schema::kDocPrefix, prepared.doc_id));
        state_->write_statement(prepared.statement);
        for (const Xapian::Document& passage : prepared.passages) state_->db.add_document(passage);
        for (const auto& [word, frequency] : prepared.spellings) {
            state_->spellings[word] += frequency;
        }
        state_->spelling_passages += prepared.passages.size();
        state_->write_labels(prepared.labels);
        // Set last: a commit that holds the fingerprint holds every passage before it.
        state_->db.set_metadata(term(schema::kFileKeyPrefix, prepared.doc_id), fingerprint);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot write " + prepared.path + " to " + state_->dir.string() + ": " +
                         e.get_description());
    }
    state_->pending += prepared.passages.size() + 1;
    if (state_->pending >= state_->batch_documents) {
        commit_batch(state_->spelling_passages >= kSpellingFlushPassages);
    }
}

void IndexWriter::write_document(const Document& doc, const std::vector<Passage>& passages,
                                 const std::string& fingerprint,
                                 const std::function<void(std::size_t)>& written) {
    // One passage's Xapian document at a time: all of a large statement's at once took
    // ten times its size. A commit may now fall inside the document; the fingerprint is
    // still set last, so a run stopped there rewrites the whole document next time.
    Xapian::TermGenerator& terms = thread_term_generator();
    // Xapian's pending changes take several times the text of the passages they hold, so a
    // streamed document commits at least every kStreamedBatch passages.
    const std::size_t batch = std::min(state_->batch_documents, kStreamedBatch);
    std::size_t done = 0;
    try {
        state_->db.delete_document(term(schema::kDocPrefix, doc.meta.id));
        // Before the passages: a commit inside the document never holds one without it.
        state_->write_statement(statement_record(doc));
        for (const Passage& passage : passages) {
            const Xapian::Document xdoc = make_passage_document(
                doc, passage, terms, {state_->sentence_signatures, &state_->phrases});
            state_->db.add_document(xdoc);
            add_spellings(passage, xdoc, state_->spellings);
            ++state_->spelling_passages;
            ++done;
            if (++state_->pending >= batch) {
                commit_batch(state_->spelling_passages >= kSpellingFlushPassages);
            }
            if (written && done % kWrittenTick == 0) written(done);
        }
        state_->write_labels(facet_labels(doc, passages));
        state_->db.set_metadata(term(schema::kFileKeyPrefix, doc.meta.id), fingerprint);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot write " + doc.meta.path + " to " + state_->dir.string() + ": " +
                         e.get_description());
    }
    if (written && done % kWrittenTick != 0) written(done);
    if (++state_->pending >= state_->batch_documents) {
        commit_batch(state_->spelling_passages >= kSpellingFlushPassages);
    }
}

void IndexWriter::record_taxonomy(const Taxonomy& taxonomy) {
    try {
        store_taxonomy(state_->db, taxonomy);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot record the taxonomy in " + state_->dir.string() + ": " +
                         e.get_description());
    }
}

std::size_t IndexWriter::prune(const std::set<std::string>& keep) {
    std::vector<std::string> gone;
    try {
        const std::string prefix(schema::kFileKeyPrefix);
        for (auto it = state_->db.metadata_keys_begin(prefix);
             it != state_->db.metadata_keys_end(prefix); ++it) {
            std::string doc_id = (*it).substr(prefix.size());
            if (!keep.count(doc_id)) gone.push_back(std::move(doc_id));
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot prune " + state_->dir.string() + ": " + e.get_description());
    }
    for (const auto& doc_id : gone) remove(doc_id);
    return gone.size();
}

void IndexWriter::commit() {
    commit_batch(true);
    if (!state_->bulk) return;
    try {
        for (const auto& [key, label] : state_->bulk_labels) state_->db.set_metadata(key, label);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot write " + state_->dir.string() + ": " + e.get_description());
    }
    state_->db = state_->bulk->publish(state_->db);
    state_->bulk.reset();
    state_->bulk_labels.clear();
}

bool IndexWriter::bulk_building() const { return state_->bulk != nullptr; }

void IndexWriter::write_tables() {
    if (!table_file_current(state_->db, state_->dir)) write_table_file(state_->db, state_->dir);
}

void IndexWriter::commit_batch(bool with_spellings) {
    try {
        if (with_spellings) state_->flush_spellings();
        state_->db.commit();
        state_->pending = 0;
        if (state_->bulk && state_->bulk->full(state_->db)) {
            state_->db.close();
            state_->db = state_->bulk->next_part();
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot commit to " + state_->dir.string() + ": " + e.get_description() +
                         " (the database keeps its last commit)");
    }
}

}  // namespace r2p
