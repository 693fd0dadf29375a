package history

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// catFile serves blobs from one long-lived `git cat-file --batch`, so that reading a thousand
// old versions costs one process, not a thousand.
type catFile struct {
	dir string

	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	closed bool
}

// blob returns the contents of object (rev:path from the top of the work tree).
func (c *catFile) blob(object string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, errors.New("history: 内部错误：Close 之后调用了 Content")
	}
	if c.cmd == nil {
		if err := c.start(); err != nil {
			return nil, err
		}
	}
	data, err := c.request(object)
	var notFound notFoundError
	if err != nil && !errors.As(err, &notFound) {
		// The stream is out of step or git died: start afresh on the next call.
		c.stop(true)
	}
	return data, err
}

type notFoundError struct{ msg string }

func (e notFoundError) Error() string { return e.msg }

func (c *catFile) start() error {
	cmd := exec.Command("git", "-C", c.dir, "cat-file", "--batch")
	cmd.Env = append(cmd.Environ(), "LC_ALL=C", "LANGUAGE=")
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("history: 无法启动 git cat-file：%w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("history: 无法启动 git cat-file：%w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("history: 无法在 %s 启动 git cat-file：%w", c.dir, err)
	}
	c.cmd, c.in, c.out = cmd, in, bufio.NewReaderSize(out, 64<<10)
	return nil
}

func (c *catFile) request(object string) ([]byte, error) {
	if _, err := io.WriteString(c.in, object+"\n"); err != nil {
		return nil, fmt.Errorf("history: git cat-file 出错：%w", err)
	}
	header, err := c.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("history: git cat-file 意外停止：%w", err)
	}
	header = strings.TrimSuffix(header, "\n")
	rev, path, _ := strings.Cut(object, ":")
	if strings.HasSuffix(header, " missing") || strings.HasSuffix(header, " ambiguous") {
		return nil, notFoundError{fmt.Sprintf("history: 版本 %[2]s 中没有 %[1]s", path, rev)}
	}
	f := strings.Fields(header)
	if len(f) != 3 {
		return nil, fmt.Errorf("history: git cat-file 的回答无法识别：%q", header)
	}
	size, err := strconv.Atoi(f[2])
	if err != nil || size < 0 {
		return nil, fmt.Errorf("history: git cat-file 的回答无法识别：%q", header)
	}
	data := make([]byte, size+1) // the contents and a newline
	if _, err := io.ReadFull(c.out, data); err != nil {
		return nil, fmt.Errorf("history: git cat-file 意外停止：%w", err)
	}
	if f[1] != "blob" {
		return nil, notFoundError{fmt.Sprintf("history: 版本 %[2]s 中的 %[1]s 是 %[3]s，不是文件", path, rev, f[1])}
	}
	return data[:size], nil
}

// stop ends the process: gently (git exits at the end of its input) or, when it may be
// blocked writing an answer nobody will read, by killing it.
func (c *catFile) stop(kill bool) error {
	if c.cmd == nil {
		return nil
	}
	c.in.Close()
	if kill {
		c.cmd.Process.Kill()
	}
	err := c.cmd.Wait()
	c.cmd, c.in, c.out = nil, nil, nil
	return err
}

func (c *catFile) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	if err := c.stop(false); err != nil {
		return fmt.Errorf("history: git cat-file 出错：%w", err)
	}
	return nil
}
