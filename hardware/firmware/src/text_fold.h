// Makes text safe for the sign's bitmap font: punctuation that a GB2312 font may lack becomes ASCII.
#pragma once

#include <cstddef>

namespace liveroom::sign {

/// Rewrites text (valid UTF-8, NUL-terminated) in place: en/em dash and minus sign → '-', middle dot → '|',
/// ellipsis → "...", curly quotes → straight ones, no-break space → ' '. Never makes the text longer.
void FoldPunctuationForFont(char* text);

}  // namespace liveroom::sign
