package be.carenetwork.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Public reads for anonymous users; every other request needs a signed-in user (HTTP Basic for API clients,
 * a login form for people); roles are checked on the controllers with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final PublicPaths SYSTEM_PUBLIC_PATHS = PublicPaths.of(
            "/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/info");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicPaths> publicPaths) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).distinct().toArray(String[]::new);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, SYSTEM_PUBLIC_PATHS.patterns().toArray(String[]::new)).permitAll()
                        .requestMatchers(HttpMethod.GET, open).permitAll()
                        .requestMatchers(HttpMethod.HEAD, open).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                // Pages send the token from the XSRF-TOKEN cookie. API requests without a session carry no ambient
                // credential to forge (they authenticate with a header or not at all: then they get a 401), so they need none.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || (request.getRequestURI().startsWith("/api/") && request.getSession(false) == null)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(CareSecurityProperties properties, PasswordEncoder encoder) {
        List<CareSecurityProperties.UserEntry> entries = properties.users();
        if (entries.isEmpty()) {
            log.warn("No users configured (care.security.users): the demo users coordinator, professional and analyst "
                    + "are active, with the passwords given in the README. Configure real users before real use.");
            entries = DemoUsers.hashedWith(encoder);
        } else {
            entries.forEach(SecurityConfiguration::requireHashed);
        }
        Map<String, CareUser> byName = entries.stream().collect(Collectors.toMap(
                CareSecurityProperties.UserEntry::username, SecurityConfiguration::toUser, (a, b) -> a));
        return username -> {
            CareUser user = byName.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("No user " + username);
            }
            // A fresh copy each time: Spring Security erases the password of the instance it authenticates.
            return new CareUser(user.getUsername(), user.getPassword(), user.getAuthorities(), user.neighbourhoods());
        };
    }

    private static void requireHashed(CareSecurityProperties.UserEntry entry) {
        String password = entry.password();
        if (password == null || !password.startsWith("{") || password.startsWith("{noop}")) {
            throw new IllegalStateException("care.security.users: the password of '" + entry.username()
                    + "' must be a hash such as {bcrypt}$2a$10$... (see the README: Configuration)");
        }
    }

    private static CareUser toUser(CareSecurityProperties.UserEntry entry) {
        var authorities = entry.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return new CareUser(entry.username(), entry.password(), authorities, entry.neighbourhoods());
    }

}
