// --top --unit phrase: the phrases most repeated across speakers, inside whatever sentences
// hold them (a clause of the 2005 language said in many different sentences).
#pragma once

#include "r2p/trace.hpp"

namespace r2p {

/// repeated_sentences with RepeatedUnit::Phrase: every run of phrase_grams of every
/// passage, grouped, counted and merged by rank_phrases; each result's first use is the
/// phrase's oldest use, its match the phrase's range. The database must have signatures
/// (checked by the caller).
RepeatedResult repeated_phrases(Searcher& searcher, const RepeatedRequest& request);

}  // namespace r2p
