package org.rapport.rules.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule file may reach: the published fact model, java.lang value types, java.time,
 * java.math and a few java.util collections, and of those only their public members less the few
 * that still lead out ({@code getClass}, system properties, thread locks) or do unbounded work in
 * one call ({@code repeat}, {@code nCopies}, {@code pow}). It is an allow-list: a type or member
 * that is not named here is refused. Everything else (System, Runtime, threads, reflection, class
 * loading, file and network I/O, the rule session's internals) is out. Used both on the rule text
 * ({@link RuleSandbox}) and on the class files Drools generates from it ({@link GeneratedCodeCheck}).
 * Thread-safe.
 */
final class SandboxPolicy {

    /** The package every rule file must declare: rules compiled into another package could reach its internals. */
    static final String RULES_PACKAGE = "org.rapport.rules";

    static final String FACTS_PACKAGE = "org.rapport.rules.facts";

    /** Whole packages of value types, with no I/O and no global state worth protecting. */
    private static final Set<String> VALUE_PACKAGES = Set.of(
            "java.math", "java.time", "java.time.format", "java.time.temporal", "java.time.chrono");

    private static final Set<String> LANG_TYPES = Set.of(
            "String", "StringBuilder", "StringBuffer", "CharSequence", "Character", "Boolean", "Byte", "Short",
            "Integer", "Long", "Float", "Double", "Number", "Math", "StrictMath", "Object", "Comparable",
            "Iterable", "Enum", "Record", "Void", "Override", "Deprecated", "SuppressWarnings",
            "FunctionalInterface", "SafeVarargs", "Exception", "RuntimeException", "IllegalArgumentException",
            "IllegalStateException", "ArithmeticException", "NullPointerException", "NumberFormatException",
            "UnsupportedOperationException", "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException",
            "StringIndexOutOfBoundsException");

    /** Collections that collect, accumulate and from need; no ServiceLoader, Scanner, Timer, concurrency. */
    private static final Set<String> UTIL_TYPES = Set.of(
            "List", "ArrayList", "LinkedList", "Set", "HashSet", "LinkedHashSet", "TreeSet", "SortedSet", "Map",
            "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "Collection", "Collections", "Comparator",
            "Iterator", "Objects", "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Arrays", "Locale");

    /** Allowed packages, for a name made of package segments only, such as {@code java.time}. */
    private static final Set<String> ALLOWED_PACKAGES = Set.of(
            FACTS_PACKAGE, "java.lang", "java.util", "java.math", "java.time", "java.time.format",
            "java.time.temporal", "java.time.chrono");

    /** First segments that make a dotted name a package-qualified name rather than a variable's properties. */
    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jakarta", "jdk", "sun", "com", "org", "net", "io", "groovy", "kotlin", "scala");

    /** Members that open a way out whatever object they are called on, and why. */
    private static final Map<String, String> DENIED_MEMBERS = Map.ofEntries(
            reflection("getClass"), reflection("class"), reflection("getMethod"), reflection("getMethods"),
            reflection("getDeclaredMethod"), reflection("getDeclaredMethods"), reflection("getField"),
            reflection("getFields"), reflection("getDeclaredField"), reflection("getDeclaredFields"),
            reflection("getConstructor"), reflection("getConstructors"), reflection("getDeclaredConstructor"),
            reflection("getDeclaredConstructors"), reflection("getDeclaringClass"), reflection("getEnclosingClass"),
            reflection("getSuperclass"), reflection("getInterfaces"), reflection("newInstance"), reflection("invoke"),
            reflection("invokeExact"), reflection("invokeWithArguments"), reflection("setAccessible"),
            reflection("trySetAccessible"), reflection("lookup"), reflection("getModule"), reflection("getPackage"),
            Map.entry("forName", "class loading"), Map.entry("loadClass", "class loading"),
            Map.entry("defineClass", "class loading"), Map.entry("getClassLoader", "class loading"),
            Map.entry("getContextClassLoader", "class loading"), Map.entry("getSystemClassLoader", "class loading"),
            system("getRuntime"), system("exec"), system("exit"), system("getenv"), system("getProperty"),
            system("getProperties"), system("setProperty"), system("setProperties"), system("getInteger"),
            system("getLong"), system("getBoolean"),
            session("getKieRuntime"), session("getKnowledgeRuntime"), session("getWorkingMemory"),
            session("getKieBase"), session("getKieSession"), session("getEnvironment"), session("getChannels"),
            session("registerChannel"), session("getGlobals"), session("setGlobal"),
            Map.entry("wait", "threads"), Map.entry("notify", "threads"), Map.entry("notifyAll", "threads"));

    /** Members of allowed types that still lead out, or return streams (which are not collections), whatever their owner. */
    private static final Map<String, String> LEADING_OUT = Map.ofEntries(
            Map.entry("setDefault", "global state"), Map.entry("getDeclaringClass", "reflection"),
            Map.entry("describeConstable", "reflection"), Map.entry("parallelStream", "threads"),
            Map.entry("stream", "streams are not collections"), Map.entry("chars", "streams are not collections"),
            Map.entry("codePoints", "streams are not collections"), Map.entry("lines", "streams are not collections"),
            Map.entry("datesUntil", "streams are not collections"), Map.entry("spliterator", "streams are not collections"));

    /**
     * Calls on allowed types that do unbounded work or allocation in one go, which no budget can interrupt, by
     * owner: refused in compiled code for these owners only ({@code Math.pow} stays allowed), and by name in
     * conditions, which MVEL evaluates without telling the owner.
     */
    private static final Map<String, Set<String>> UNBOUNDED_CALLS = Map.of(
            "java/math/BigDecimal", Set.of("pow", "sqrt"),
            "java/math/BigInteger", Set.of("pow", "shiftLeft", "sqrt", "nextProbablePrime", "probablePrime"),
            "java/lang/String", Set.of("repeat"),
            "java/util/Collections", Set.of("nCopies"));

    private static final String UNBOUNDED = "unbounded work in one call";

    /** The published fact types, by simple name; {@code SandboxPolicyTest} keeps it in step with the package. */
    static final Set<String> FACT_TYPES = Set.of(
            "ActionKind", "CustomerAction", "CustomerProfile", "Direction", "EngagementPillar", "EngagementScore",
            "Figures",
            "EngagementWeight", "ImprovementTrigger", "Kpi", "Pillar", "Rag", "RequestSource", "RequestText",
            "RequestTheme", "RequestThemeCount", "Severity", "Stage", "StageThreshold");

    /** Value types of java.math and java.time whose members rules may call, whether imported or returned by a fact. */
    private static final List<String> VALUE_TYPES = List.of(
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime", "java.time.Instant",
            "java.time.Duration", "java.time.Period", "java.time.YearMonth", "java.time.Year", "java.time.MonthDay",
            "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.ZoneId", "java.time.ZoneOffset",
            "java.time.DayOfWeek", "java.time.Month", "java.time.temporal.ChronoUnit", "java.time.temporal.ChronoField",
            "java.time.temporal.TemporalAdjusters", "java.time.format.DateTimeFormatter");

    /**
     * What rule code may call on the session object a consequence has ({@code drools}, {@code kcontext}): change
     * facts and read the rule's name. Not the session, the knowledge base, class loaders or channels.
     */
    static final Set<String> SESSION_HELPERS = Set.of("insert", "insertLogical", "update", "modify", "delete", "retract",
            "getRule", "getName", "getMatch");

    private static final Set<String> ALLOWED_MEMBERS = allowedMembers();

    /** Words that have no business in rule code: imports inside MVEL, classes, thread locks, native code. */
    private static final Set<String> DENIED_WORDS = Set.of("import", "package", "class", "native", "synchronized", "volatile");

    /** Rule attributes that schedule work on timer threads, outside the evaluation. */
    private static final Set<String> DENIED_ATTRIBUTES = Set.of("timer", "duration", "calendars");

    private static final Map<String, Boolean> LANG_CLASS_EXISTS = new ConcurrentHashMap<>();

    private SandboxPolicy() {
    }

    private static Map.Entry<String, String> reflection(String member) {
        return Map.entry(member, "reflection");
    }

    private static Map.Entry<String, String> system(String member) {
        return Map.entry(member, "system access");
    }

    private static Map.Entry<String, String> session(String member) {
        return Map.entry(member, "the rule session's internals");
    }

    /** True for a class name (nested classes included) that rules may use. */
    static boolean isAllowedType(String qualifiedName) {
        if (qualifiedName.startsWith(FACTS_PACKAGE + ".")) {
            return true;
        }
        String[] segments = qualifiedName.split("\\.");
        int typeIndex = 0;
        while (typeIndex < segments.length && !startsUpperCase(segments[typeIndex])) {
            typeIndex++;
        }
        if (typeIndex == 0 || typeIndex == segments.length) {
            return false;
        }
        String packageName = String.join(".", java.util.Arrays.copyOfRange(segments, 0, typeIndex));
        String typeName = segments[typeIndex];
        return VALUE_PACKAGES.contains(packageName)
                || "java.lang".equals(packageName) && LANG_TYPES.contains(typeName)
                || "java.util".equals(packageName) && UTIL_TYPES.contains(typeName);
    }

    /** True for an import rules may declare: an allowed class, or every class of the fact model or a value package. */
    static boolean isAllowedImport(String target) {
        if (target.endsWith(".*")) {
            String packageName = target.substring(0, target.length() - 2);
            return FACTS_PACKAGE.equals(packageName) || VALUE_PACKAGES.contains(packageName);
        }
        return isAllowedType(target);
    }

    /** True for a dotted name of package segments only that leads into an allowed package, such as {@code java.time}. */
    static boolean isAllowedPackagePath(String dottedName) {
        return ALLOWED_PACKAGES.stream().anyMatch(allowed -> allowed.equals(dottedName) || allowed.startsWith(dottedName + "."));
    }

    static boolean isPackageRoot(String segment) {
        return PACKAGE_ROOTS.contains(segment);
    }

    /** True for a simple name that Java resolves to a java.lang class rules may not use, such as System or Thread. */
    static boolean isForbiddenLangType(String simpleName) {
        return !LANG_TYPES.contains(simpleName)
                && LANG_CLASS_EXISTS.computeIfAbsent(simpleName, SandboxPolicy::existsInJavaLang);
    }

    private static boolean existsInJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError notThere) {
            return false;
        }
    }

    /**
     * Why a member named after a dot may not be used, or {@code null} when it may: it must be a public member
     * (method, field, bean property or nested type) of an allowed type, or one of the {@link #SESSION_HELPERS},
     * and not one of the members that still lead out.
     */
    static String deniedMemberReason(String member) {
        String reason = DENIED_MEMBERS.getOrDefault(member, LEADING_OUT.get(member));
        if (reason != null) {
            return reason;
        }
        if (UNBOUNDED_CALLS.values().stream().anyMatch(names -> names.contains(member))) {
            return UNBOUNDED;
        }
        return ALLOWED_MEMBERS.contains(member) ? null : "not a member of a published fact type or an allowed value type";
    }

    /** True for a member of an allowed type that rules may still not call, whatever it is called on. */
    static boolean isDeniedMember(String member) {
        return DENIED_MEMBERS.containsKey(member) || LEADING_OUT.containsKey(member);
    }

    /** Why a call on an allowed type ({@code owner} as an internal name, {@code java/lang/String}) is refused; null if not. */
    static String deniedCallReason(String owner, String member) {
        if (isDeniedMember(member)) {
            return deniedMemberReason(member);
        }
        return UNBOUNDED_CALLS.getOrDefault(owner, Set.of()).contains(member) ? UNBOUNDED : null;
    }

    /** The classes whose public members rule code may name. */
    static List<Class<?>> allowedClasses() {
        List<Class<?>> classes = new ArrayList<>();
        LANG_TYPES.forEach(name -> load("java.lang." + name).ifPresent(classes::add));
        UTIL_TYPES.forEach(name -> load("java.util." + name).ifPresent(classes::add));
        VALUE_TYPES.forEach(name -> load(name).ifPresent(classes::add));
        FACT_TYPES.forEach(name -> load(FACTS_PACKAGE + "." + name).ifPresent(classes::add));
        return classes;
    }

    private static Set<String> allowedMembers() {
        Set<String> members = new HashSet<>(SESSION_HELPERS);
        for (Class<?> type : allowedClasses()) {
            for (Method method : type.getMethods()) {
                members.add(method.getName());
                propertyName(method.getName()).ifPresent(members::add);
            }
            for (Field field : type.getFields()) {
                members.add(field.getName());
            }
            for (Class<?> nested : type.getClasses()) {
                members.add(nested.getSimpleName());
            }
        }
        members.add("length"); // of an array
        members.removeAll(DENIED_MEMBERS.keySet());
        members.removeAll(LEADING_OUT.keySet());
        return Set.copyOf(members);
    }

    /** {@code getValue} and {@code isActive} are read as {@code value} and {@code active} in conditions. */
    private static Optional<String> propertyName(String method) {
        int prefix = method.startsWith("get") ? 3 : method.startsWith("is") ? 2 : 0;
        if (prefix == 0 || method.length() == prefix || !Character.isUpperCase(method.charAt(prefix))) {
            return Optional.empty();
        }
        return Optional.of(Character.toLowerCase(method.charAt(prefix)) + method.substring(prefix + 1));
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, SandboxPolicy.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError missing) {
            return Optional.empty();
        }
    }

    static boolean isDeniedWord(String identifier) {
        return DENIED_WORDS.contains(identifier);
    }

    static boolean isDeniedAttribute(String attribute) {
        return DENIED_ATTRIBUTES.contains(attribute);
    }

    static boolean startsUpperCase(String identifier) {
        return !identifier.isEmpty() && Character.isUpperCase(identifier.charAt(0));
    }

    /** How messages describe what is allowed. */
    static String allowedSummary() {
        return "rules may use only " + FACTS_PACKAGE + ", java.lang value types, java.time, java.math and java.util collections";
    }
}
