# shell/hr.zsh: what zsh needs beyond shell/hr.bash, which runs as is in zsh; `hr shell-init zsh`
# prints the two, in that order.

# stdout alone goes through hr; the command's own exit status is kept (`budget` is the caller's)
__hr_pipe() {
    command "$@" | "$__hr_bin" --label "$*" "${budget[@]}"
    return "${pipestatus[1]}"
}
