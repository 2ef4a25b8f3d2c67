// triptych patch: parse each UTF-8 font once per process.

package fpdf

import (
	"bytes"
	"hash/maphash"
	"sync"
)

// utf8FontCache keeps, per font key and TrueType content, what
// AddUTF8FontFromBytes derives from parsing the font: the descriptor, the
// character widths and the font id. Every document that adds the same
// font again gets a copy of that definition with its own subsetting
// state, so nothing mutable is shared between documents, and the output
// is the same bytes as with a fresh parse.
var utf8FontCache struct {
	sync.Mutex
	seed    maphash.Seed
	entries map[utf8FontKey]utf8FontEntry
}

type utf8FontKey struct {
	fontkey string
	hash    uint64
	size    int
}

type utf8FontEntry struct {
	ttf []byte // a private copy, to check the content on a hit
	def fontDefType
}

// maxCachedUTF8Fonts bounds the cache; past it the cache starts again.
const maxCachedUTF8Fonts = 64

func utf8FontCacheKey(fontkey string, ttf []byte) utf8FontKey {
	utf8FontCache.Lock()
	if utf8FontCache.entries == nil {
		utf8FontCache.seed = maphash.MakeSeed()
		utf8FontCache.entries = map[utf8FontKey]utf8FontEntry{}
	}
	seed := utf8FontCache.seed
	utf8FontCache.Unlock()
	return utf8FontKey{fontkey, maphash.Bytes(seed, ttf), len(ttf)}
}

// cachedUTF8Font returns the definition of a font added before, with a
// fresh subsetting state reading ttf; usedRunes is left for the caller.
func cachedUTF8Font(fontkey string, ttf []byte) (fontDefType, bool) {
	key := utf8FontCacheKey(fontkey, ttf)
	utf8FontCache.Lock()
	e, ok := utf8FontCache.entries[key]
	utf8FontCache.Unlock()
	if !ok || !bytes.Equal(e.ttf, ttf) {
		return fontDefType{}, false
	}
	def := e.def
	// The subsetter keeps its state in the utf8FontFile and resets it at
	// the start of GenerateCutFont; each document gets its own.
	file := *e.def.utf8File
	file.fileReader = &fileReader{array: ttf}
	def.utf8File = &file
	return def, true
}

// cacheUTF8Font records a freshly parsed font definition.
func cacheUTF8Font(fontkey string, ttf []byte, def fontDefType) {
	key := utf8FontCacheKey(fontkey, ttf)
	file := *def.utf8File
	file.fileReader = nil
	def.utf8File = &file
	def.usedRunes = nil
	utf8FontCache.Lock()
	defer utf8FontCache.Unlock()
	if len(utf8FontCache.entries) >= maxCachedUTF8Fonts {
		clear(utf8FontCache.entries)
	}
	utf8FontCache.entries[key] = utf8FontEntry{ttf: bytes.Clone(ttf), def: def}
}
