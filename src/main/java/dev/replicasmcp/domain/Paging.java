package dev.replicasmcp.domain;

/** A page request of a list: page from 1, limit within its bounds; both checked with a message naming the field. */
public record Paging(int page, int limit) {

    /** The page asked for (default 1) with limit (default and maximum given by the list). */
    public static Paging of(Integer page, Integer limit, int defaultLimit, int maxLimit) {
        int finalPage = page == null ? 1 : page;
        int finalLimit = limit == null ? defaultLimit : limit;
        if (finalPage < 1) {
            throw DomainException.invalid("Field 'page' must be 1 or more; got " + finalPage + ".");
        }
        if (finalLimit < 1 || finalLimit > maxLimit) {
            throw DomainException.invalid(
                    "Field 'limit' must be between 1 and " + maxLimit + "; got " + finalLimit + ".");
        }
        return new Paging(finalPage, finalLimit);
    }

    /** How many items come before this page; a long, as page × limit can pass Integer.MAX_VALUE. */
    public long offset() {
        return (long) (page - 1) * limit;
    }

    public static int totalPages(int total, int limit) {
        return total == 0 ? 0 : (total + limit - 1) / limit;
    }
}
