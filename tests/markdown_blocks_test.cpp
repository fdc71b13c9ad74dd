// markdown_blocks: front matter, fences, tables, reference definitions and comments, line for
// line.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "parse/markdown_blocks.hpp"

namespace {

r2p::detail::MarkdownBlocks read(const std::string& text, r2p::DocumentMeta& meta) {
    return r2p::detail::read_markdown_blocks(text, meta);
}

std::size_t lines_of(std::string_view s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_SUITE("markdown_blocks") {
    TEST_CASE("front matter fills what the meta lacks and is skipped") {
        r2p::DocumentMeta meta;
        meta.place = "From the sidecar";
        const std::string text =
            "---\ntitle: \"A Title\"\ndate: 2023-03-21\nspeaker: Ms. Amara Okafor\n"
            "post: Executive Director\nevent: 'HRC 52'\nplace: Geneva\nsymbol: A/HRC/52/L.12\n"
            "source_url: https://example.org/x\n---\nBody.\n";
        const auto blocks = read(text, meta);
        CHECK(meta.title == "A Title");
        CHECK(meta.date == "2023-03-21");
        CHECK(meta.speaker == "Ms. Amara Okafor");
        CHECK(meta.speaker_post == "Executive Director");
        CHECK(meta.event == "HRC 52");
        CHECK(meta.place == "From the sidecar");
        CHECK(meta.symbol == "A/HRC/52/L.12");
        CHECK(meta.source_url == "https://example.org/x");
        CHECK(blocks.text() == "Body.\n");
        CHECK(blocks.first_line == 11);
    }

    TEST_CASE("an unclosed front matter is text and sets nothing") {
        r2p::DocumentMeta meta;
        const std::string text = "---\ntitle: Not front matter\n\nBody.\n";
        const auto blocks = read(text, meta);
        CHECK(meta.title.empty());
        CHECK(blocks.text() == text);
    }

    TEST_CASE("tables become one item a row, the rule goes, lines stay in place") {
        r2p::DocumentMeta meta;
        const std::string text =
            "Before.\n\n| Province | Attacks |\n|---|--:|\n| Northern | 14 |\n"
            "| Eastern \\| Lakes | 9 |\nAfter.\n";
        const auto blocks = read(text, meta);
        CHECK(blocks.text() ==
              "Before.\n\n- Province; Attacks\n\n- Northern; 14\n- Eastern | Lakes; 9\nAfter.\n");
        CHECK(lines_of(blocks.text()) == lines_of(text));
    }

    TEST_CASE("fences, reference definitions and comments are dropped, their text kept") {
        r2p::DocumentMeta meta;
        const std::string text =
            "```text\nInside the fence.\n```\n[1]: https://example.org \"Title\"\n"
            "[^1]: A footnote stays.\nKept <!-- gone\nstill gone\n--> and kept.\n";
        const auto blocks = read(text, meta);
        CHECK(blocks.text() ==
              "\nInside the fence.\n\n\n[^1]: A footnote stays.\nKept \n\n and kept.\n");
        CHECK(lines_of(blocks.text()) == lines_of(text));
    }

    TEST_CASE("a pipe in prose is no table") {
        r2p::DocumentMeta meta;
        const std::string text = "Either | or.\nAnother line.\n";
        CHECK(read(text, meta).text() == text);
    }
}
