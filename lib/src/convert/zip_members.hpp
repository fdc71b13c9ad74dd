// Named members of a zip archive held in memory (a DOCX package), read with libarchive and
// bounded in size.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

namespace r2p {

/// Why a zip could not be read. `not_zip` when `bytes` are no zip archive at all; otherwise the
/// archive is damaged or a member too large (the message says which).
class ZipError : public std::runtime_error {
  public:
    ZipError(const std::string& reason, bool not_zip)
        : std::runtime_error(reason), not_zip_(not_zip) {}
    bool not_zip() const { return not_zip_; }

  private:
    bool not_zip_;
};

/// The largest member read uncompressed: a bigger one is refused (a zip bomb).
constexpr std::size_t kMaxZipMemberBytes = 64u << 20;

/// The bytes of the members of the zip `bytes` whose names are in `wanted` (those absent are
/// absent from the map). Throws ZipError when the archive cannot be read up to its last
/// wanted member, or a wanted member is larger than `max_member_bytes` uncompressed
/// ("word/document.xml: larger than 64 MB uncompressed").
std::map<std::string, std::string> read_zip_members(
    std::string_view bytes, const std::set<std::string>& wanted,
    std::size_t max_member_bytes = kMaxZipMemberBytes);

}  // namespace r2p
