package fpdf

// triptych patch: the number of characters a format-4 cmap maps, read
// from its segments without moving the reader, so that the dictionaries
// generateSCCSDictionaries fills are made at their size instead of
// growing (and rehashing) entry by entry: 16 % of a font's first use.
func (utf *utf8FontFile) cmapEntries(runeCmapPosition int) int {
	segments := utf.getUint16(runeCmapPosition+6) / 2
	ends := runeCmapPosition + 14
	starts := ends + 2*segments + 2
	n := 0
	for i := range segments {
		if end, start := utf.getUint16(ends+2*i), utf.getUint16(starts+2*i); end >= start {
			n += end - start + 1
		}
	}
	return n
}
