//go:build slow

package benchdiff

const fibN = 16
