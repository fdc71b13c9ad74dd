// Document ids for statement files: the stem's slug, and folder names where stems collide.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "index/corpus_files.hpp"

namespace r2p {

/// Documents a database already holds: document id -> absolute path of its file ("" when
/// unknown).
using KnownDocuments = std::map<std::string, std::filesystem::path>;

/// Gives each of `listing.files` its document id, in this order of rules:
///  1. a file the database already holds (same absolute path) keeps its id;
///  2. else the slug of its stem ("statement"), unless another file of the run has the same
///     stem slug or keeps it by rule 1: then every such new file takes the slug of its
///     last K path components, stem included, for the smallest K >= 2 that makes them
///     unique ("2021/statement.txt" -> "2021-statement"). Stored documents whose files are
///     not in the run do not count: a file with their id replaces them, as before;
///  3. a file no K makes unique ("x/a.txt" beside "x/a.md") is moved to `listing.skipped`,
///     naming the file that holds the id.
/// So ids never change once given, and corpora without colliding stems keep stem ids.
void assign_document_ids(CorpusListing& listing, const KnownDocuments& known);

}  // namespace r2p
