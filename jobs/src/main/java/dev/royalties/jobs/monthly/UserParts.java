package dev.royalties.jobs.monthly;

import dev.royalties.rules.UserCentric;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The equal user parts of every catalogue pool (user-centric), keyed by Allocation.poolKey; broadcast to the payers. */
public class UserParts implements Serializable {
    private static final long serialVersionUID = 1L;

    public HashMap<String, UserCentric.Parts> byPool = new HashMap<>();

    public UserParts() {}

    UserParts(Map<String, UserCentric.Parts> byPool) {
        this.byPool = new HashMap<>(byPool);
    }
}
