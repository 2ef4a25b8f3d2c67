package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/out"
)

func newConvertCommand() *cobra.Command {
	var output string
	var parents bool
	var parse content.ParseOptions
	cmd := &cobra.Command{
		Use:   "convert FILE",
		Short: "Write an article (for example a scraped .txt) in triptych's Markdown format",
		Long: `convert loads an article and writes it as Markdown with YAML front matter,
the format to edit by hand. Loading the Markdown gives the same article.
Without -o (or with -o -) the Markdown goes to standard output. -o writes a
regular file atomically, or straight to a device or FIFO when that is what
it names; it never overwrites the article it reads, never replaces a
symbolic link, and creates missing folders only with --parents.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDateOrder(parse.DateOrder); err != nil {
				return usageError{err}
			}
			a, err := content.LoadWith(args[0], parse)
			if err != nil {
				return err
			}
			for _, w := range a.Warnings {
				cmd.PrintErrln("warning:", w.String())
			}
			md := content.MarshalMarkdown(a)
			if output == "" || output == "-" {
				_, err := cmd.OutOrStdout().Write(md)
				return err
			}
			return writeConverted(output, args[0], md, parents)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&parents, "parents", false, "create the folders of -o when they do not exist")
	addParseFlags(cmd, &parse)
	return cmd
}

// writeConverted writes data where -o names: a regular file is replaced
// atomically (temp, fsync, rename); a character device or FIFO is written
// to as it is (-o /dev/stdout); anything else is refused rather than
// replaced by a regular file.
func writeConverted(path, source string, data []byte, parents bool) error {
	if same(path, source) {
		return fmt.Errorf("%s: convert would overwrite the article it reads; choose another -o", path)
	}
	info, err := os.Lstat(path)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: is a symbolic link; name the file it points to", path)
	case err == nil && info.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("%s: %w", path, werr)
		}
		return nil
	case err == nil && info.IsDir():
		return fmt.Errorf("%s: is a folder; name a file", path)
	case err == nil && !info.Mode().IsRegular():
		return fmt.Errorf("%s: is not a regular file; convert writes only files, devices and FIFOs", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) && !parents {
		return fmt.Errorf("%s: the folder %s does not exist (--parents creates it)", path, dir)
	}
	return out.WriteFile(path, data)
}

// same reports whether two paths name the same existing file.
func same(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
