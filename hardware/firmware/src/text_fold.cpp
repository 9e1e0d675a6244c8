#include "text_fold.h"

#include <cstring>

namespace liveroom::sign {
namespace {

struct Fold {
  const char* from;  // UTF-8
  const char* to;    // ASCII, never longer than `from`
};

constexpr Fold kFolds[] = {
    {"\xE2\x80\x93", "-"},    // U+2013 en dash
    {"\xE2\x80\x94", "-"},    // U+2014 em dash
    {"\xE2\x88\x92", "-"},    // U+2212 minus sign
    {"\xC2\xB7", "|"},        // U+00B7 middle dot
    {"\xE2\x80\xA6", "..."},  // U+2026 ellipsis
    {"\xE2\x80\x98", "'"},    // U+2018
    {"\xE2\x80\x99", "'"},    // U+2019
    {"\xE2\x80\x9C", "\""},   // U+201C
    {"\xE2\x80\x9D", "\""},   // U+201D
    {"\xC2\xA0", " "},        // U+00A0 no-break space
};

}  // namespace

void FoldPunctuationForFont(char* text) {
  char* write = text;
  const char* read = text;
  while (*read != '\0') {
    bool folded = false;
    for (const auto& fold : kFolds) {
      const std::size_t n = std::strlen(fold.from);
      if (std::strncmp(read, fold.from, n) == 0) {
        const std::size_t m = std::strlen(fold.to);
        std::memmove(write, fold.to, m);
        write += m;
        read += n;
        folded = true;
        break;
      }
    }
    if (!folded) {
      *write++ = *read++;
    }
  }
  *write = '\0';
}

}  // namespace liveroom::sign
