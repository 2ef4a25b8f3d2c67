package serve

import (
	"fmt"
	"strings"

	"github.com/triptych/triptych/render"
)

// blob is one rendered file held in memory.
type blob struct {
	data []byte
	pins int    // how many articles show it as their current asset
	used uint64 // the store's clock at the last use, for eviction
}

// blobStore is the in-memory preview cache, keyed by content hash and
// file name. Blobs an article currently shows are pinned (its last good
// build must survive until the next one); the others (previews at other
// sizes) are evicted, least recently used first, past the byte budget.
// Guarded by Server.mu.
type blobStore struct {
	blobs map[string]*blob
	bytes int64
	limit int64
	clock uint64
}

func newBlobStore(limit int64) *blobStore {
	return &blobStore{blobs: map[string]*blob{}, limit: limit}
}

func blobKey(hash, name string) string { return hash + "/" + name }

// addSet stores rendered files as an article's asset set; pinned sets
// stay until released.
func (b *blobStore) addSet(slug string, files []render.File, pinned bool) *assetSet {
	set := &assetSet{}
	for _, f := range files {
		name := slug + f.Suffix
		a := asset{Slug: slug, Name: name, Ext: strings.TrimPrefix(f.Suffix, "."), Hash: hashOf(f.Data)}
		k := blobKey(a.Hash, name)
		bl, ok := b.blobs[k]
		if !ok {
			bl = &blob{data: f.Data}
			b.blobs[k] = bl
			b.bytes += int64(len(f.Data))
		}
		if pinned {
			bl.pins++
		}
		b.clock++
		bl.used = b.clock
		set.files = append(set.files, a)
	}
	b.evict()
	return set
}

// release unpins a set an article no longer shows.
func (b *blobStore) release(set *assetSet) {
	if set == nil {
		return
	}
	for _, f := range set.files {
		if f.Output {
			continue
		}
		if bl, ok := b.blobs[blobKey(f.Hash, f.Name)]; ok && bl.pins > 0 {
			bl.pins--
		}
	}
	b.evict()
}

// get returns a blob's bytes.
func (b *blobStore) get(hash, name string) ([]byte, bool) {
	bl, ok := b.blobs[blobKey(hash, name)]
	if !ok {
		return nil, false
	}
	b.clock++
	bl.used = b.clock
	return bl.data, true
}

// has reports whether every file of a set is still held.
func (b *blobStore) has(set *assetSet) bool {
	for _, f := range set.files {
		if _, ok := b.blobs[blobKey(f.Hash, f.Name)]; !ok {
			return false
		}
	}
	return true
}

// evict drops unpinned blobs, oldest use first, until the store is
// within its budget. A linear scan is fine: the store holds at most a
// few hundred blobs.
func (b *blobStore) evict() {
	for b.bytes > b.limit {
		var oldest string
		var min uint64
		for k, bl := range b.blobs {
			if bl.pins == 0 && (oldest == "" || bl.used < min) {
				oldest, min = k, bl.used
			}
		}
		if oldest == "" {
			return // everything left is shown by some article
		}
		b.bytes -= int64(len(b.blobs[oldest].data))
		delete(b.blobs, oldest)
	}
}

// variantKey names one preview of an article at other infographic
// options; gen ties it to the article's build, so an edit misses it.
type variantKey struct {
	slug        string
	gen         int
	size, theme string
	scale       int
	paper       string
	accents     string
}

func keyFor(a *article, opts render.Options) variantKey {
	return variantKey{a.slug, a.gen, opts.Size, opts.Theme, opts.Scale, opts.Paper, strings.Join(opts.Accents, ",")}
}

// variant returns the infographic of a at opts (other than the build's),
// rendered into the cache once; concurrent requests for the same preview
// wait for one render, and at most cap(renderSlots) run at once.
func (s *Server) variant(a *article, opts render.Options) (*assetSet, error) {
	for {
		s.mu.Lock()
		key := keyFor(a, opts)
		art := a.art
		if files, ok := s.variants[key]; ok {
			set := &assetSet{files: files}
			if s.blobs.has(set) {
				for _, f := range files {
					s.blobs.get(f.Hash, f.Name) // counts as a use
				}
				s.mu.Unlock()
				return set, nil
			}
			delete(s.variants, key)
		}
		if wait, busy := s.inflight[key]; busy {
			s.mu.Unlock()
			<-wait
			continue
		}
		done := make(chan struct{})
		s.inflight[key] = done
		s.mu.Unlock()

		s.renderSlots <- struct{}{}
		var files []render.File
		var err error
		if art == nil {
			err = fmt.Errorf("this article has not loaded yet, so it cannot be previewed")
		} else {
			files, _, err = safeRender(art, []render.Format{render.PNG}, opts)
		}
		<-s.renderSlots

		s.mu.Lock()
		delete(s.inflight, key)
		close(done)
		var set *assetSet
		if err == nil {
			set = s.blobs.addSet(key.slug, files, false)
			s.variants[key] = set.files
		}
		s.mu.Unlock()
		return set, err
	}
}
