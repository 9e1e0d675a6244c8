// Numbers, literals, skipping and the end check of JsonReader (strings and members are in json_reader.cpp).
#include <cstring>

#include "json_reader.h"

namespace liveroom::sign {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool JsonReader::ScanNumber(bool* is_integer, std::int64_t* value, bool* overflow) {
  *is_integer = true;
  *overflow = false;
  bool negative = false;
  if (data_[pos_] == '-') {
    negative = true;
    ++pos_;
  }
  if (pos_ >= length_ || !IsDigit(data_[pos_])) {
    return Fail("malformed number");
  }
  // Accumulate as a negative number so INT64_MIN fits.
  std::int64_t v = 0;
  const bool leading_zero = data_[pos_] == '0';
  std::size_t digits = 0;
  while (pos_ < length_ && IsDigit(data_[pos_])) {
    const int d = data_[pos_] - '0';
    if (v < (INT64_MIN + d) / 10) {
      *overflow = true;
    } else {
      v = v * 10 - d;
    }
    ++pos_;
    ++digits;
  }
  if (leading_zero && digits > 1) {
    return Fail("malformed number (leading zero)");
  }
  if (pos_ < length_ && data_[pos_] == '.') {
    *is_integer = false;
    ++pos_;
    if (pos_ >= length_ || !IsDigit(data_[pos_])) {
      return Fail("malformed number (no digit after '.')");
    }
    while (pos_ < length_ && IsDigit(data_[pos_])) ++pos_;
  }
  if (pos_ < length_ && (data_[pos_] == 'e' || data_[pos_] == 'E')) {
    *is_integer = false;
    ++pos_;
    if (pos_ < length_ && (data_[pos_] == '+' || data_[pos_] == '-')) ++pos_;
    if (pos_ >= length_ || !IsDigit(data_[pos_])) {
      return Fail("malformed number (no digit in exponent)");
    }
    while (pos_ < length_ && IsDigit(data_[pos_])) ++pos_;
  }
  if (!negative) {
    if (v == INT64_MIN) {
      *overflow = true;
    } else {
      v = -v;
    }
  }
  *value = v;
  return true;
}

bool JsonReader::ReadInt(std::int64_t* value) {
  if (Peek() != JsonKind::kNumber) {
    return Fail("expected an integer");
  }
  bool is_integer;
  bool overflow;
  std::int64_t v;
  if (!ScanNumber(&is_integer, &v, &overflow)) {
    return false;
  }
  if (!is_integer) {
    return Fail("expected an integer, not a fraction or exponent");
  }
  if (overflow) {
    return Fail("integer out of range");
  }
  *value = v;
  return true;
}

bool JsonReader::ScanLiteral(const char* word, std::size_t word_length) {
  if (length_ - pos_ < word_length) {
    return Fail(std::memcmp(data_ + pos_, word, length_ - pos_) == 0 ? "message ends inside a literal (truncated?)"
                                                                       : "unknown literal");
  }
  if (std::memcmp(data_ + pos_, word, word_length) != 0) {
    return Fail("unknown literal");
  }
  pos_ += word_length;
  return true;
}

bool JsonReader::ReadBool(bool* value) {
  const JsonKind kind = Peek();
  if (kind == JsonKind::kTrue && ScanLiteral("true", 4)) {
    *value = true;
    return true;
  }
  if (kind == JsonKind::kFalse && ScanLiteral("false", 5)) {
    *value = false;
    return true;
  }
  return Fail("expected true or false");
}

bool JsonReader::ReadNull() {
  if (Peek() != JsonKind::kNull) {
    return Fail("expected null");
  }
  return ScanLiteral("null", 4);
}

bool JsonReader::SkipValue() { return SkipValueAt(1); }

bool JsonReader::SkipValueAt(int depth) {
  switch (Peek()) {
    case JsonKind::kEnd:
      return Fail("message ends too early (truncated?)");
    case JsonKind::kInvalid:
      return Fail("expected a value");
    case JsonKind::kString: {
      char sink[1];
      StringStats stats;
      return ScanString(sink, sizeof sink, &stats);
    }
    case JsonKind::kNumber: {
      bool is_integer;
      bool overflow;
      std::int64_t v;
      return ScanNumber(&is_integer, &v, &overflow);
    }
    case JsonKind::kTrue: return ScanLiteral("true", 4);
    case JsonKind::kFalse: return ScanLiteral("false", 5);
    case JsonKind::kNull: return ScanLiteral("null", 4);
    case JsonKind::kObject:
    case JsonKind::kArray: break;
  }
  if (depth >= kMaxDepth) {
    return Fail("nested deeper than 16 levels");
  }
  const bool object = data_[pos_] == '{';
  const char close = object ? '}' : ']';
  ++pos_;
  SkipWhitespace();
  if (pos_ < length_ && data_[pos_] == close) {
    ++pos_;
    return true;
  }
  while (true) {
    if (object) {
      SkipWhitespace();
      if (pos_ >= length_) {
        return Fail("message ends too early (truncated?)");
      }
      if (data_[pos_] != '"') {
        return Fail("expected a key in double quotes");
      }
      char sink[1];
      StringStats stats;
      if (!ScanString(sink, sizeof sink, &stats) || !Expect(':', "expected ':' after a key")) {
        return false;
      }
    }
    if (!SkipValueAt(depth + 1)) {
      return false;
    }
    SkipWhitespace();
    if (pos_ >= length_) {
      return Fail("message ends too early (truncated?)");
    }
    if (data_[pos_] == close) {
      ++pos_;
      return true;
    }
    if (!Expect(',', object ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value")) {
      return false;
    }
  }
}

bool JsonReader::End() {
  SkipWhitespace();
  if (pos_ != length_) {
    return Fail("unexpected characters after the object");
  }
  return true;
}

}  // namespace liveroom::sign
