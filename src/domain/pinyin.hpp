// Pinyin search keys for names, so users can find 张三 by typing "zhangsan" or "zs".
// Readings come from ICU's Han-Latin transliterator; surnames with a special reading (曾 zeng,
// 单 shan, 尉迟 yuchi, …) get both ICU's reading and the surname reading. Thread-safe: each thread
// builds its own transliterator on first use (about 0.1 s once per process, then cheap).
#pragma once
#include <string>
#include <string_view>

namespace anbang::domain {

// Space-separated search keys with a leading and trailing space, e.g. 张三 → " zhangsan zs ",
// 曾强 → " cengqiang cq zengqiang zq ", 吕布 → " lubu lb lvbu " (ü typed as u or v).
// For each reading: the full pinyin without spaces, then the initials. ASCII letters and digits
// are kept lower-cased; other characters (spaces, ·, punctuation) only separate syllables. Full-width
// ASCII (ＡＢＣ) is read as ASCII. A name with nothing readable gives " ".
std::string pinyin_search_keys(std::string_view name_utf8);

// Query as typed → form to match against search keys: full-width ASCII folded to ASCII, ASCII
// lower-cased, all spaces (ASCII and U+3000) removed. Other characters (Han) are kept unchanged.
std::string normalize_search_query(std::string_view query);

// True when `normalized_query` (from normalize_search_query) is a prefix of one of the keys, i.e.
// `keys` contains " " + query. The SQL equivalent is `keys LIKE '% ' || query || '%'`.
// An empty query matches nothing.
bool matches_search_keys(std::string_view keys, std::string_view normalized_query);

}  // namespace anbang::domain
