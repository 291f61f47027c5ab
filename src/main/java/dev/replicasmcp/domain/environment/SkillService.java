package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Skills enabled on an environment, installed into its workspaces; the catalog is local. */
public final class SkillService {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");
    static final int MAX_RESULTS = 25;

    private final EnvironmentConfigStore store;
    private final EnvironmentAccess access;
    private final SkillCatalog catalog;

    public SkillService(EnvironmentConfigStore store, EnvironmentAccess access, SkillCatalog catalog) {
        this.store = store;
        this.access = access;
        this.catalog = catalog;
    }

    public List<EnvironmentSkill> list(Caller caller, String environmentId) {
        return store.skills(access.resolve(caller, environmentId).id());
    }

    public List<CatalogSkill> search(String query) {
        List<CatalogSkill> found = catalog.search(query == null ? "" : query.trim());
        return found.size() > MAX_RESULTS ? found.subList(0, MAX_RESULTS) : found;
    }

    /** Enables a skill; name and source default to the catalog's when the slug is in it. */
    public EnvironmentSkill enable(Caller caller, String environmentId, String slug, String name, String source) {
        String finalSlug = Validation.required("slug", slug).trim();
        if (!SLUG.matcher(finalSlug).matches()) {
            throw DomainException.invalid("Field 'slug' must be lower-case letters, digits, '.', '-' or '_' (e.g. "
                    + "'pdf-tools'); got '" + Validation.abbreviate(finalSlug, 60) + "'.");
        }
        Optional<CatalogSkill> known = catalog.find(finalSlug);
        String finalName = Validation.optionalTrimmed(name) != null
                ? name.trim()
                : known.map(CatalogSkill::name).orElseThrow(() -> unknown(finalSlug, "name"));
        String finalSource = Validation.optionalTrimmed(source) != null
                ? source.trim()
                : known.map(CatalogSkill::source).orElseThrow(() -> unknown(finalSlug, "source"));
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            for (EnvironmentSkill skill : store.skills(env.id())) {
                if (skill.slug().equals(finalSlug) || skill.source().equals(finalSource)) {
                    throw DomainException.conflict("Skill '" + skill.name() + "' (slug '" + skill.slug() + "', source '"
                            + skill.source() + "') is already enabled on environment '" + env.name() + "' (id "
                            + skill.id() + ").");
                }
            }
            String now = access.now();
            EnvironmentSkill skill = new EnvironmentSkill(
                    access.newId(), env.organizationId(), env.id(), finalName, finalSlug, finalSource, now, now);
            store.insertSkill(skill);
            access.changed(env);
            return skill;
        });
    }

    public void disable(Caller caller, String environmentId, String id) {
        access.tx().run(() -> {
            Environment env = access.resolve(caller, environmentId);
            if (!store.delete(EnvironmentConfigStore.Item.SKILL, env.id(), Validation.required("skill_id", id))) {
                throw EnvironmentAccess.missing("enabled skill", "skill_id", id, env, "list_environment_skills");
            }
            access.changed(env);
        });
    }

    private static DomainException unknown(String slug, String field) {
        return DomainException.invalid("Skill '" + slug + "' is not in the local catalog, so field '" + field
                + "' is required. Call search_skill_catalog to find catalog skills.");
    }
}
