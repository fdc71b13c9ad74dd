// Error types the library throws; every what() is one line ready for the user.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace r2p {

/// Base of every error the library throws. Messages read "subject: reason (hint)".
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A statement file cannot be read, decoded or parsed; the file is skipped, the run goes on.
class CorpusError : public Error {
  public:
    using Error::Error;
};

/// Bytes that cannot be decoded as text; carries where, so the caller can name file and line.
class DecodeError : public CorpusError {
  public:
    DecodeError(const std::string& reason, std::size_t line, std::size_t byte_offset)
        : CorpusError(reason), line_(line), byte_offset_(byte_offset) {}
    /// 1-based line of the offending byte (counting LF in the raw bytes).
    std::size_t line() const { return line_; }
    /// 0-based byte offset of the offending byte in the file.
    std::size_t byte_offset() const { return byte_offset_; }

  private:
    std::size_t line_;
    std::size_t byte_offset_;
};

/// A taxonomy file is missing or malformed; the message names file and line.
class TaxonomyError : public Error {
  public:
    using Error::Error;
};

/// The database cannot be opened, read or written (exit code 3 in the tools).
class IndexError : public Error {
  public:
    using Error::Error;
};

/// Another writer holds the database lock.
class DatabaseLockedError : public IndexError {
  public:
    using IndexError::IndexError;
};

/// The user asked for something malformed: a query, a filter value, an option (exit code 2).
class UsageError : public Error {
  public:
    using Error::Error;
};

}  // namespace r2p
