package dev.royalties.jobs.live;

import dev.royalties.rules.Play;
import dev.royalties.rules.Verdict;

/** The keyed input of the accruals: a play, or a verdict on a user, both keyed by user_id. */
public class UserEvent {
    public Play play;
    public Verdict verdict;

    public UserEvent() {}

    public static UserEvent of(Play p) {
        UserEvent e = new UserEvent();
        e.play = p;
        return e;
    }

    public static UserEvent of(Verdict v) {
        UserEvent e = new UserEvent();
        e.verdict = v;
        return e;
    }

    public String userId() {
        return play != null ? play.userId : verdict.subjectId();
    }
}
