package importer

import (
	"bytes"
	"chronicle/generator/diag"
	"unicode/utf8"

	"chronicle/generator/importer/capture"
)

// checkBytes reports what is wrong with a capture's bytes before any reader
// sees them, and returns its text with LF line endings and no byte-order mark.
// ok is false when the text cannot be read at all.
func checkBytes(file string, data []byte) (text string, problems []capture.Problem, ok bool) {
	report := func(line int, code diag.Code, msg string) {
		problems = append(problems, capture.Problem{File: file, Line: line, Severity: capture.Error, Code: code, Message: msg})
	}
	if len(bytes.TrimSpace(data)) == 0 {
		report(1, diag.Empty, "empty capture: the file has no text")
		return "", problems, false
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		report(1, diag.ByteOrder, "the file starts with a byte-order mark; save it as UTF-8 without BOM")
		data = data[3:]
	}
	line, crlf := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '\n':
			line++
			i++
			continue
		case c == '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				if crlf == 0 {
					report(line, diag.CRLF, "CRLF line endings; save the capture with LF line endings")
				}
				crlf++
			} else {
				report(line, diag.CarriageRet, "carriage return inside a line")
				return "", problems, false
			}
			i++
			continue
		case c == 0 || (c < 0x20 && c != '\t'):
			report(line, diag.ControlChar, "binary data: control byte 0x"+hex(c)+"; is this a text capture?")
			return "", problems, false
		case c < utf8.RuneSelf:
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			report(line, diag.NotUTF8, "invalid UTF-8 (byte 0x"+hex(c)+"); save the capture as UTF-8")
			return "", problems, false
		}
		i += size
	}
	if crlf > 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return string(data), problems, true
}

func hex(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
