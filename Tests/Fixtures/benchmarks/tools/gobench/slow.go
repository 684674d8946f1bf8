//go:build slow

package benchdiff

const fibN = 16
const repeat = 2
const allocSize = 2048
