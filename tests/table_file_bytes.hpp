// A table file's directory read from its bytes (by the format's own structs), for tests
// that damage or trim a section.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "tables/table_file_format.hpp"

namespace r2p::test {

/// The directory entry of `kind` for facet field `field` (0 for a section of no field).
inline table_file::Section find_section(const std::string& bytes, table_file::SectionKind kind,
                                        std::uint32_t field = 0) {
    table_file::Header header{};
    std::memcpy(&header, bytes.data(), sizeof header);
    for (std::uint32_t i = 0; i < header.section_count; ++i) {
        table_file::Section section{};
        std::memcpy(&section, bytes.data() + sizeof header + i * sizeof section, sizeof section);
        if (section.kind == static_cast<std::uint32_t>(kind) && section.field == field) {
            return section;
        }
    }
    FAIL("no such section");
    return {};
}

}  // namespace r2p::test
