package png

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
)

// TextChunk is a PNG text entry (an iTXt chunk: UTF-8 keyword and text).
type TextChunk struct{ Keyword, Text string }

// encoder is shared: its zero buffer pool makes repeated encodes cheaper.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed}

// Encode writes img as PNG with text chunks after the header. Go's
// encoder writes an opaque image as RGB without alpha, and no text, time or
// physical-size chunks, so the bytes depend only on the pixels and chunks.
func Encode(w io.Writer, img image.Image, chunks []TextChunk) error {
	var buf bytes.Buffer
	if err := encoder.Encode(&buf, img); err != nil {
		return err
	}
	data := buf.Bytes()
	// Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
	const ihdrEnd = 8 + 25
	if _, err := w.Write(data[:ihdrEnd]); err != nil {
		return err
	}
	for _, c := range chunks {
		if err := writeITXt(w, c); err != nil {
			return err
		}
	}
	_, err := w.Write(data[ihdrEnd:])
	return err
}

func writeITXt(w io.Writer, c TextChunk) error {
	var body bytes.Buffer
	body.WriteString(c.Keyword)
	body.Write([]byte{0, 0, 0}) // null separator, no compression, method 0
	body.WriteByte(0)           // empty language tag
	body.WriteByte(0)           // empty translated keyword
	body.WriteString(c.Text)
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(body.Len()))
	copy(hdr[4:], "iTXt")
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(body.Bytes())
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc.Sum32())
	for _, b := range [][]byte{hdr[:], body.Bytes(), sum[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
