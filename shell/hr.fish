# shell/hr.fish: printed by `hr shell-init fish` with @HR@ (hr's path) and @NEVER@ (arguments
# that are never wrapped) filled in.
# hr shell integration (fish): wraps noisy commands so that, in an agent's shell, output that
# goes straight to the agent is compressed. Inside a pipeline, a redirect or (...) the wrapped
# commands behave exactly as without hr. HR_DISABLE=1 turns it off; HR_AGENT=1 forces it on.
set -g __hr_bin @HR@
# fish applies redirections only in the processes it starts, never to itself: its own stdout
# stays what it was when the shell started, so a wrapped command's output goes "straight to
# the agent" exactly when the stdout a child would get is that same file or pipe.

function __hr_agent
    switch "$HR_AGENT"
        case 1
            return 0
        case 0
            return 1
    end
    test -n "$CLAUDECODE$CODEX_SANDBOX$CODEX_SANDBOX_NETWORK_DISABLED$CODEX_THREAD_ID$GEMINI_CLI$CURSOR_AGENT"
end

function __hr_wanted
    test "$HR_DISABLE" != 1; and __hr_agent; or return 1
    command test /dev/stdout -ef /proc/$fish_pid/fd/1; or return 1
    set -g __hr_merged
    command test /dev/stderr -ef /dev/stdout; and set -g __hr_merged 1
    return 0
end

function __hr_plain
    for a in $argv
        switch $a
            case @NEVER@
                return 1
        end
    end
    return 0
end

function __hr_run
    set -l budget
    test -n "$HR_BUDGET"; and set budget --budget $HR_BUDGET
    if test -n "$__hr_merged"
        $__hr_bin run --label "$argv" $budget -- $argv
    else
        command $argv | $__hr_bin --label "$argv" $budget
        return $pipestatus[1]
    end
end

# `cat` with no file operand reads stdin: leave it be
function __hr_hasfile
    for a in $argv
        string match -qv -- '-?*' $a; and return 0
    end
    return 1
end

# The wrappers themselves (one function per wrapped command, from HR_WRAP) follow, written by
# `hr shell-init`.
