package publish

import (
	"context"
	"os"

	"github.com/spf13/afero"
)

// cancelFs refuses to create files and folders once ctx is done. A stopped build's render
// workers then fail at their next file instead of writing the rest of the site into a stage
// that is about to be removed.
type cancelFs struct {
	afero.Fs
	ctx context.Context
}

func (c cancelFs) Create(name string) (afero.File, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, err
	}
	return c.Fs.Create(name)
}

func (c cancelFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE) != 0 {
		if err := c.ctx.Err(); err != nil {
			return nil, err
		}
	}
	return c.Fs.OpenFile(name, flag, perm)
}

func (c cancelFs) Mkdir(name string, perm os.FileMode) error {
	if err := c.ctx.Err(); err != nil {
		return err
	}
	return c.Fs.Mkdir(name, perm)
}

func (c cancelFs) MkdirAll(name string, perm os.FileMode) error {
	if err := c.ctx.Err(); err != nil {
		return err
	}
	return c.Fs.MkdirAll(name, perm)
}
